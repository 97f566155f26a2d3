import ArgumentParser

/// ArgumentParser's completion scripts complete a default subcommand's options only after its
/// name (`liqtop replay --theme <TAB>`). A bare `liqtop` is `liqtop replay`, so each script gets a
/// small front that completes `liqtop --theme <TAB>` (or `liqtop day.ndjson --sp<TAB>`) as
/// `liqtop replay …`: when the first word is an option, or another word follows one that is no
/// subcommand, `replay` is put in after `liqtop` before the generated code reads the line.
/// `liqtop <TAB>` still offers the subcommands. Each change is to a line the generator of
/// swift-argument-parser 1.8.2 writes; a script without that line is left as it came
/// (`CompletionShellTests` and `CompletionTests` complete `liqtop --theme` in each shell).
enum CompletionScripts {
    static var subcommands: [String] {
        Liqtop.configuration.subcommands.map { $0._commandName } + ["help"]
    }

    /// The script with its front, for the shell it was written for (read from its first lines).
    static func adjusted(_ script: String) -> String {
        if script.hasPrefix("#!/bin/bash") { return adjusted(script, shell: "bash") }
        if script.hasPrefix("#compdef liqtop") { return adjusted(script, shell: "zsh") }
        if script.contains("\nfunction __liqtop_tokens\n") { return adjusted(script, shell: "fish") }
        return script
    }

    static func adjusted(_ script: String, shell: String) -> String {
        let names = subcommands.joined(separator: " ")
        switch shell {
        case "bash":
            let register = "complete -o filenames -F _liqtop liqtop"
            guard script.contains(register) else { return script }
            return script.replacingOccurrences(of: register, with: """
                # liqtop: a bare `liqtop` is `liqtop replay`: complete its options there too.
                _liqtop_default() {
                    if [[ ${COMP_CWORD} -gt 1 || "${COMP_WORDS[1]}" == -* ]] && [[ " \(names) " != *" ${COMP_WORDS[1]} "* ]]; then
                        COMP_WORDS=("${COMP_WORDS[0]}" replay "${COMP_WORDS[@]:1}")
                        ((COMP_CWORD++))
                        COMP_LINE="${COMP_WORDS[0]} replay${COMP_LINE#"${COMP_WORDS[0]}"}"
                        ((COMP_POINT += 7))
                    fi
                    _liqtop "${@}"
                }
                complete -o filenames -F _liqtop_default liqtop
                """)
        case "zsh":
            let root = "\n_liqtop() {\n", dispatch = "\nif [[ \"${funcstack[1]}\" = _liqtop ]]; then"
            guard script.contains(root), script.contains(dispatch) else { return script }
            return script.replacingOccurrences(of: root, with: "\n_liqtop_root() {\n")
                .replacingOccurrences(of: dispatch, with: """

                    # liqtop: a bare `liqtop` is `liqtop replay`: complete its options there too.
                    _liqtop() {
                        if (( CURRENT > 2 )) || [[ "${words[2]}" == -* ]]; then
                            if [[ " \(names) " != *" ${words[2]} "* ]]; then
                                words=("${words[1]}" replay "${(@)words[2,-1]}")
                                (( CURRENT++ ))
                            fi
                        fi
                        _liqtop_root "${@}"
                    }
                    \(dispatch)
                    """)
        case "fish":
            let tokens = "\nfunction __liqtop_tokens\n"
            guard script.contains(tokens) else { return script }
            return script.replacingOccurrences(of: tokens, with: """

                # liqtop: a bare `liqtop` is `liqtop replay`: complete its options there too.
                function __liqtop_tokens
                    set -l tokens (__liqtop_commandline_tokens $argv)
                    if contains -- -p $argv; or contains -- -pc $argv
                        # The first word after liqtop, and how many follow it (-pc: the word completed too).
                        set -l first $tokens[2]
                        set -l follows (math (count $tokens) - 2)
                        contains -- -pc $argv; and set follows (math $follows + 1)
                        test (count $tokens) -lt 2; and set first (__liqtop_commandline_tokens -t)
                        if test -n "$first"; and begin; string match -q -- '-*' "$first"; or test $follows -gt 0; end
                            contains -- "$first" \(names); or set tokens $tokens[1] replay $tokens[2..]
                        end
                    end
                    string join \\n -- $tokens
                end

                function __liqtop_commandline_tokens

                """)
        default:
            return script
        }
    }
}
