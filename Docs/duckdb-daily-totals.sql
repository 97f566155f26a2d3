-- Daily long and short liquidations per coin, read by DuckDB from liqtop's recordings as they
-- are (run it in the recording directory: duckdb < duckdb-daily-totals.sql). USD is exact: the
-- native `usd` string cast to a decimal, never a float. DuckDBArchiveTests runs this file and
-- compares every row with `liqtop summary --json --at DAY` to the cent.
SELECT strftime(make_timestamp(time * 1000), '%Y-%m-%d') AS day,
       coin,
       sum(CASE WHEN side = 'long' THEN CAST(usd AS DECIMAL(38, 6)) ELSE 0 END) AS long_usd,
       sum(CASE WHEN side = 'short' THEN CAST(usd AS DECIMAL(38, 6)) ELSE 0 END) AS short_usd,
       count(*) AS orders
FROM read_json('liqtop-*.ndjson', format = 'newline_delimited', union_by_name = true,
               columns = {type: 'VARCHAR', time: 'BIGINT', coin: 'VARCHAR', side: 'VARCHAR', usd: 'VARCHAR'})
WHERE type = 'liquidation'
GROUP BY day, coin
ORDER BY day, coin;
