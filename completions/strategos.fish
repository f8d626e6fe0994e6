function __strategos_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __strategos_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __strategos_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __strategos_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __strategos_parse_tokens -S
    set -l unparsed_tokens (__strategos_tokens -pc)
    switch $unparsed_tokens[1]
    case 'strategos'
        __strategos_parse_subcommand -r 1 'e=+' 'json' 'max-messages=' 'trace-format=' 'trace-limit=' 'verify-budget=' 'max-input-bytes=' 'max-load-depth=' 'color=' 'no-color' 'version' 'h/help'
        switch $unparsed_tokens[1]
        case 'check'
            __strategos_parse_subcommand -r 1 'color=' 'no-color' 'version' 'h/help'
        case 'fmt'
            __strategos_parse_subcommand -r 1 'check' 'color=' 'no-color' 'version' 'h/help'
        case 'lsp'
            __strategos_parse_subcommand 0 'version' 'h/help'
        case 'help'
            __strategos_parse_subcommand -r 1 'version'
        end
    end
end

function __strategos_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __strategos_parse_subcommand -S -a positional_count
    argparse -s r -- $argv
    set -l option_specs $argv[2..]
    set -l is_repeating_positional $_flag_r
    set -el _flag_r
    set -a commands $unparsed_tokens[1]
    set positional_index 0
    while true
        set -e unparsed_tokens[1]
        argparse -sn "$commands" $option_specs -- $unparsed_tokens 2> /dev/null
        set unparsed_tokens $argv
        set positional_index (math $positional_index + 1)
        for non_repeating_flag_or_option in $non_repeating_flags_or_options
            if set -ql "_flag_$(string replace -a - _ -- $non_repeating_flag_or_option)"
                set non_repeating_flags_or_options_absent 1
                break
            end
        end
        test (count $unparsed_tokens) -eq 0 -o \( -z "$is_repeating_positional" -a "$positional_index" -gt "$positional_count" \) && break
    end
end

function __strategos_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __strategos_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__strategos_tokens -p)
    if test -z "$(__strategos_tokens -t)"
        set -l index (count (__strategos_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'strategos' -f
complete -c 'strategos' -n '__strategos_should_offer_completions_for_positional "strategos" -ge 1' -fa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'strat\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'strategos' -n '__strategos_should_offer_completions_for_flags_or_options "strategos"' -s 'e' -d 'Run TEXT as a script; several -e run in one session, in order.' -rfka ''
complete -c 'strategos' -n '__strategos_should_offer_completions_for_flags_or_options "strategos" json' -l 'json' -d 'Print JSON Lines on standard output: an object per run, verify, expect and diagnostic (print text goes to standard error).'
complete -c 'strategos' -n '__strategos_should_offer_completions_for_flags_or_options "strategos" max-messages' -l 'max-messages' -d 'Refuse a run that would send more than N messages. (default: 1000000000)' -rfka ''
complete -c 'strategos' -n '__strategos_should_offer_completions_for_flags_or_options "strategos" trace-format' -l 'trace-format' -d 'Write each run\'s trace to standard output instead of its report: mermaid, dot, json or svg (as `export trace` does).' -rfka 'mermaid dot json svg'
complete -c 'strategos' -n '__strategos_should_offer_completions_for_flags_or_options "strategos" trace-limit' -l 'trace-limit' -d 'Show or export at most N messages of a trace (a filter narrows a larger one). (default: 100000)' -rfka ''
complete -c 'strategos' -n '__strategos_should_offer_completions_for_flags_or_options "strategos" verify-budget' -l 'verify-budget' -d 'Let verify\'s exact method work up to N strategies\' worth (10,000 tally steps each); beyond it, verify samples N strategies and says it is not a proof. (default: 10000000)' -rfka ''
complete -c 'strategos' -n '__strategos_should_offer_completions_for_flags_or_options "strategos" max-input-bytes' -l 'max-input-bytes' -d 'Refuse a script (a file, standard input or a load) larger than N bytes. (default: 67108864)' -rfka ''
complete -c 'strategos' -n '__strategos_should_offer_completions_for_flags_or_options "strategos" max-load-depth' -l 'max-load-depth' -d 'Refuse loads nested more than N deep. (default: 64)' -rfka ''
complete -c 'strategos' -n '__strategos_should_offer_completions_for_flags_or_options "strategos" color' -l 'color' -d 'When to colour: auto colours a terminal unless NO_COLOR is set and not empty or TERM is dumb (a FORCE_COLOR that is set and neither empty nor 0 colours it anyway).' -rfka 'auto always never'
complete -c 'strategos' -n '__strategos_should_offer_completions_for_flags_or_options "strategos" no-color' -l 'no-color' -d 'The same as --color never.'
complete -c 'strategos' -n '__strategos_should_offer_completions_for_flags_or_options "strategos" version' -l 'version' -d 'Show the version.'
complete -c 'strategos' -n '__strategos_should_offer_completions_for_flags_or_options "strategos" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'strategos' -n '__strategos_should_offer_completions_for_positional "strategos" -eq 2' -fa 'check' -d 'Check scripts without running them: syntax, generals, m, rules that can never apply.'
complete -c 'strategos' -n '__strategos_should_offer_completions_for_positional "strategos" -eq 2' -fa 'fmt' -d 'Format scripts in the canonical layout, keeping every comment and blank-line group.'
complete -c 'strategos' -n '__strategos_should_offer_completions_for_positional "strategos" -eq 2' -fa 'lsp' -d 'Serve the Language Server Protocol on standard input and output, for editors.'
complete -c 'strategos' -n '__strategos_should_offer_completions_for_positional "strategos" -eq 2' -fa 'help' -d 'Show subcommand help information.'
complete -c 'strategos' -n '__strategos_should_offer_completions_for_positional "strategos check" -ge 1' -fa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'strat\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'strategos' -n '__strategos_should_offer_completions_for_flags_or_options "strategos check" color' -l 'color' -d 'When to colour: auto colours a terminal unless NO_COLOR is set and not empty or TERM is dumb (a FORCE_COLOR that is set and neither empty nor 0 colours it anyway).' -rfka 'auto always never'
complete -c 'strategos' -n '__strategos_should_offer_completions_for_flags_or_options "strategos check" no-color' -l 'no-color' -d 'The same as --color never.'
complete -c 'strategos' -n '__strategos_should_offer_completions_for_flags_or_options "strategos check" version' -l 'version' -d 'Show the version.'
complete -c 'strategos' -n '__strategos_should_offer_completions_for_flags_or_options "strategos check" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'strategos' -n '__strategos_should_offer_completions_for_flags_or_options "strategos fmt" check' -l 'check' -d 'Change nothing; list the files that are not formatted and exit 1 if there is one.'
complete -c 'strategos' -n '__strategos_should_offer_completions_for_positional "strategos fmt" -ge 1' -fa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'strat\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'strategos' -n '__strategos_should_offer_completions_for_flags_or_options "strategos fmt" color' -l 'color' -d 'When to colour: auto colours a terminal unless NO_COLOR is set and not empty or TERM is dumb (a FORCE_COLOR that is set and neither empty nor 0 colours it anyway).' -rfka 'auto always never'
complete -c 'strategos' -n '__strategos_should_offer_completions_for_flags_or_options "strategos fmt" no-color' -l 'no-color' -d 'The same as --color never.'
complete -c 'strategos' -n '__strategos_should_offer_completions_for_flags_or_options "strategos fmt" version' -l 'version' -d 'Show the version.'
complete -c 'strategos' -n '__strategos_should_offer_completions_for_flags_or_options "strategos fmt" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'strategos' -n '__strategos_should_offer_completions_for_flags_or_options "strategos lsp" version' -l 'version' -d 'Show the version.'
complete -c 'strategos' -n '__strategos_should_offer_completions_for_flags_or_options "strategos lsp" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'strategos' -n '__strategos_should_offer_completions_for_flags_or_options "strategos help" version' -l 'version' -d 'Show the version.'
