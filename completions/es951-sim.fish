function __es951-sim_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __es951-sim_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __es951-sim_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __es951-sim_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __es951-sim_parse_tokens -S
    set -l unparsed_tokens (__es951-sim_tokens -pc)
    switch $unparsed_tokens[1]
    case 'es951-sim'
        __es951-sim_parse_subcommand 0 'tcp=' 'wrapper' 'pty=' 'serial=' 'mode=' 'meters=' 'seed=' 'serial-number=' 'password=' 'max-info=' 'window=' 'baud=' 'turnaround=' 'faults=' 'trace=' 'refuse-write=+' 'map=' 'answer=+' 'hostile=+' 'version' 'h/help'
        switch $unparsed_tokens[1]
        case 'help'
            __es951-sim_parse_subcommand -r 1 'version'
        end
    end
end

function __es951-sim_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __es951-sim_parse_subcommand -S -a positional_count
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

function __es951-sim_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __es951-sim_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__es951-sim_tokens -p)
    if test -z "$(__es951-sim_tokens -t)"
        set -l index (count (__es951-sim_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'es951-sim' -f
complete -c 'es951-sim' -n '__es951-sim_should_offer_completions_for_flags_or_options "es951-sim" tcp' -l 'tcp' -d 'Listen on HOST:PORT (port 0: any free port).' -rfka ''
complete -c 'es951-sim' -n '__es951-sim_should_offer_completions_for_flags_or_options "es951-sim" wrapper' -l 'wrapper' -d 'Use the IEC 62056-47 wrapper on TCP instead of HDLC.'
complete -c 'es951-sim' -n '__es951-sim_should_offer_completions_for_flags_or_options "es951-sim" pty' -l 'pty' -d 'Make a pseudo-terminal with a symlink at PATH.' -rfka ''
complete -c 'es951-sim' -n '__es951-sim_should_offer_completions_for_flags_or_options "es951-sim" serial' -l 'serial' -d 'Serve on a serial device.' -rfka ''
complete -c 'es951-sim' -n '__es951-sim_should_offer_completions_for_flags_or_options "es951-sim" mode' -l 'mode' -d 'optical (IEC 62056-21 sign-on at 300 baud, then 9600) or rs485 (HDLC at 9600).' -rfka ''
complete -c 'es951-sim' -n '__es951-sim_should_offer_completions_for_flags_or_options "es951-sim" meters' -l 'meters' -d 'Metering points (1…1000).' -rfka ''
complete -c 'es951-sim' -n '__es951-sim_should_offer_completions_for_flags_or_options "es951-sim" seed' -l 'seed' -d 'Seed of the generated data.' -rfka ''
complete -c 'es951-sim' -n '__es951-sim_should_offer_completions_for_flags_or_options "es951-sim" serial-number' -l 'serial-number' -d 'Serial number (digits).' -rfka ''
complete -c 'es951-sim' -n '__es951-sim_should_offer_completions_for_flags_or_options "es951-sim" password' -l 'password' -d 'LLS password of clients 32 and 48.' -rfka ''
complete -c 'es951-sim' -n '__es951-sim_should_offer_completions_for_flags_or_options "es951-sim" max-info' -l 'max-info' -d 'Largest HDLC information field granted.' -rfka ''
complete -c 'es951-sim' -n '__es951-sim_should_offer_completions_for_flags_or_options "es951-sim" window' -l 'window' -d 'Largest HDLC window granted.' -rfka ''
complete -c 'es951-sim' -n '__es951-sim_should_offer_completions_for_flags_or_options "es951-sim" baud' -l 'baud' -d 'Emulate a line of N bit/s (10 bits a byte).' -rfka ''
complete -c 'es951-sim' -n '__es951-sim_should_offer_completions_for_flags_or_options "es951-sim" turnaround' -l 'turnaround' -d 'Turnaround in ms (default 20 with --baud, else 0).' -rfka ''
complete -c 'es951-sim' -n '__es951-sim_should_offer_completions_for_flags_or_options "es951-sim" faults' -l 'faults' -d 'Faults: corrupt=P,drop=P,delay=MS,cut-after=N,seed=S.' -rfka ''
complete -c 'es951-sim' -n '__es951-sim_should_offer_completions_for_flags_or_options "es951-sim" trace' -l 'trace' -d 'Write a frame trace to FILE.' -rfka ''
complete -c 'es951-sim' -n '__es951-sim_should_offer_completions_for_flags_or_options "es951-sim"' -l 'refuse-write' -d 'Refuse writes of this attribute (repeatable).' -rfka ''
complete -c 'es951-sim' -n '__es951-sim_should_offer_completions_for_flags_or_options "es951-sim" map' -l 'map' -d 'A device map other than the built-in one.' -rfka ''
complete -c 'es951-sim' -n '__es951-sim_should_offer_completions_for_flags_or_options "es951-sim"' -l 'answer' -d 'Hostile device (testing): answer GETs of this attribute with these bytes, whatever the device holds (repeatable).' -rfka ''
complete -c 'es951-sim' -n '__es951-sim_should_offer_completions_for_flags_or_options "es951-sim"' -l 'hostile' -d 'Hostile device (testing): misbehave on purpose (repeatable or comma-separated).' -rfka 'endless-segments endless-blocks huge-array ignore-release silent-after-association slow-drip'
complete -c 'es951-sim' -n '__es951-sim_should_offer_completions_for_flags_or_options "es951-sim" version' -l 'version' -d 'Show the version.'
complete -c 'es951-sim' -n '__es951-sim_should_offer_completions_for_flags_or_options "es951-sim" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'es951-sim' -n '__es951-sim_should_offer_completions_for_positional "es951-sim" -eq 1' -fa 'help' -d 'Show subcommand help information.'
complete -c 'es951-sim' -n '__es951-sim_should_offer_completions_for_flags_or_options "es951-sim help" version' -l 'version' -d 'Show the version.'
