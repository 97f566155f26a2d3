print("liqtop")
