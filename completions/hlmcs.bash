#!/bin/bash

__hlmcs_cursor_index_in_current_word() {
    local remaining="${COMP_LINE}"

    local word
    for word in "${COMP_WORDS[@]::COMP_CWORD}"; do
        remaining="${remaining##*([[:space:]])"${word}"*([[:space:]])}"
    done

    local -ir index="$((COMP_POINT - ${#COMP_LINE} + ${#remaining}))"
    if [[ "${index}" -le 0 ]]; then
        printf 0
    else
        printf %s "${index}"
    fi
}

# positional arguments:
#
# - 1: the current (sub)command's count of positional arguments
#
# required variables:
#
# - repeating_flags: the repeating flags that the current (sub)command can accept
# - non_repeating_flags: the non-repeating flags that the current (sub)command can accept
# - repeating_options: the repeating options that the current (sub)command can accept
# - non_repeating_options: the non-repeating options that the current (sub)command can accept
# - positional_number: value ignored
# - unparsed_words: unparsed words from the current command line
#
# modified variables:
#
# - non_repeating_flags: remove flags for this (sub)command that are already on the command line
# - non_repeating_options: remove options for this (sub)command that are already on the command line
# - positional_number: set to the current positional number
# - unparsed_words: remove all flags, options, and option values for this (sub)command
__hlmcs_offer_flags_options() {
    local -ir positional_count="${1}"
    positional_number=0

    local was_flag_option_terminator_seen=false
    local is_parsing_option_value=false

    local -ar unparsed_word_indices=("${!unparsed_words[@]}")
    local -i word_index
    for word_index in "${unparsed_word_indices[@]}"; do
        if "${is_parsing_option_value}"; then
            # This word is an option value:
            # Reset marker for next word iff not currently the last word
            [[ "${word_index}" -ne "${unparsed_word_indices[${#unparsed_word_indices[@]} - 1]}" ]] && is_parsing_option_value=false
            unset "unparsed_words[${word_index}]"
            # Do not process this word as a flag or an option
            continue
        fi

        local word="${unparsed_words["${word_index}"]}"
        if ! "${was_flag_option_terminator_seen}"; then
            case "${word}" in
            --)
                unset "unparsed_words[${word_index}]"
                # by itself -- is a flag/option terminator, but if it is the last word, it is the start of a completion
                if [[ "${word_index}" -ne "${unparsed_word_indices[${#unparsed_word_indices[@]} - 1]}" ]]; then
                    was_flag_option_terminator_seen=true
                fi
                continue
                ;;
            -*)
                # ${word} is a flag or an option
                # If ${word} is an option, mark that the next word to be parsed is an option value
                local option
                for option in "${repeating_options[@]}" "${non_repeating_options[@]}"; do
                    [[ "${word}" = "${option}" ]] && is_parsing_option_value=true && break
                done

                # Remove ${word} from ${non_repeating_flags} or ${non_repeating_options} so it isn't offered again
                local not_found=true
                local -i index
                for index in "${!non_repeating_flags[@]}"; do
                    if [[ "${non_repeating_flags[${index}]}" = "${word}" ]]; then
                        unset "non_repeating_flags[${index}]"
                        non_repeating_flags=("${non_repeating_flags[@]}")
                        not_found=false
                        break
                    fi
                done
                if "${not_found}"; then
                    for index in "${!non_repeating_flags[@]}"; do
                        if [[ "${non_repeating_flags[${index}]}" = "${word}" ]]; then
                            unset "non_repeating_flags[${index}]"
                            non_repeating_flags=("${non_repeating_flags[@]}")
                            break
                        fi
                    done
                fi
                unset "unparsed_words[${word_index}]"
                continue
                ;;
            esac
        fi

        # ${word} is neither a flag, nor an option, nor an option value
        if [[ "${positional_number}" -lt "${positional_count}" || "${positional_count}" -lt 0 ]]; then
            # ${word} is a positional
            ((positional_number++))
            unset "unparsed_words[${word_index}]"
        else
            if [[ -z "${word}" ]]; then
                # Could be completing a flag, option, or subcommand
                positional_number=-1
            else
                # ${word} is a subcommand or invalid, so stop processing this (sub)command
                positional_number=-2
            fi
            break
        fi
    done

    unparsed_words=("${unparsed_words[@]}")

    if\
        ! "${was_flag_option_terminator_seen}"\
        && ! "${is_parsing_option_value}"\
        && [[ ("${cur}" = -* && "${positional_number}" -ge 0) || "${positional_number}" -eq -1 ]]
    then
        COMPREPLY+=($(compgen -W "${repeating_flags[*]} ${non_repeating_flags[*]} ${repeating_options[*]} ${non_repeating_options[*]}" -- "${cur}"))
    fi
}

__hlmcs_add_completions() {
    local completion
    while IFS='' read -r completion; do
        COMPREPLY+=("${completion}")
    done < <(IFS=$'\n' compgen "${@}" -- "${cur}")
}

__hlmcs_custom_complete() {
    if [[ -n "${cur}" || -z ${COMP_WORDS[${COMP_CWORD}]} || "${COMP_LINE:${COMP_POINT}:1}" != ' ' ]]; then
        local -ar words=("${COMP_WORDS[@]}")
    else
        local -ar words=("${COMP_WORDS[@]::${COMP_CWORD}}" '' "${COMP_WORDS[@]:${COMP_CWORD}}")
    fi

    "${COMP_WORDS[0]}" "${@}" "${words[@]}"
}

_hlmcs() {
    local state
    state="$(shopt -p;shopt -po)"
    trap "${state//$'\n'/;}" RETURN
    shopt -s extglob
    set +o history +o posix

    local -xr SAP_SHELL=bash
    local -x SAP_SHELL_VERSION
    SAP_SHELL_VERSION="$(IFS='.';printf %s "${BASH_VERSINFO[*]}")"
    local -r SAP_SHELL_VERSION

    local -r cur="${2}"
    local -r prev="${3}"

    local -i positional_number
    local -a unparsed_words=("${COMP_WORDS[@]:1:${COMP_CWORD}}")

    local -a repeating_flags=()
    local -a non_repeating_flags=(--demo --no-mouse --wrapper --nls --lls --broadcast --refresh-objects --json --verbose --version -h --help)
    local -a repeating_options=()
    local -a non_repeating_options=(--demo-baud --demo-meters --tcp --serial --baud --optical --client --server-address --logical --address-size --max-info --window --timeout --trace --map --db --lang)
    __hlmcs_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--demo-baud')
        return
        ;;
    '--demo-meters')
        return
        ;;
    '--tcp')
        return
        ;;
    '--serial')
        return
        ;;
    '--baud')
        return
        ;;
    '--optical')
        return
        ;;
    '--client')
        return
        ;;
    '--server-address')
        return
        ;;
    '--logical')
        return
        ;;
    '--address-size')
        return
        ;;
    '--max-info')
        return
        ;;
    '--window')
        return
        ;;
    '--timeout')
        return
        ;;
    '--trace')
        return
        ;;
    '--map')
        return
        ;;
    '--db')
        return
        ;;
    '--lang')
        __hlmcs_add_completions -W 'ru'$'\n''en'
        return
        ;;
    esac

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    info|get|set|clock|gprs|ip|meters|topology|profile|events|ports|settings|firmware|clear|objects|read|map|detect|users|roles|audit|help)
        # Offer subcommand argument completions
        "_hlmcs_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'info get set clock gprs ip meters topology profile events ports settings firmware clear objects read map detect users roles audit help' -- "${cur}"))
        ;;
    esac
}

_hlmcs_info() {
    repeating_flags=()
    non_repeating_flags=(--wrapper --nls --lls --broadcast --refresh-objects --json --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--tcp --serial --baud --optical --client --server-address --logical --address-size --max-info --window --timeout --trace --map --db --lang)
    __hlmcs_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--tcp')
        return
        ;;
    '--serial')
        return
        ;;
    '--baud')
        return
        ;;
    '--optical')
        return
        ;;
    '--client')
        return
        ;;
    '--server-address')
        return
        ;;
    '--logical')
        return
        ;;
    '--address-size')
        return
        ;;
    '--max-info')
        return
        ;;
    '--window')
        return
        ;;
    '--timeout')
        return
        ;;
    '--trace')
        return
        ;;
    '--map')
        return
        ;;
    '--db')
        return
        ;;
    '--lang')
        __hlmcs_add_completions -W 'ru'$'\n''en'
        return
        ;;
    esac
}

_hlmcs_get() {
    repeating_flags=()
    non_repeating_flags=(--wrapper --nls --lls --broadcast --refresh-objects --json --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--tcp --serial --baud --optical --client --server-address --logical --address-size --max-info --window --timeout --trace --map --db --lang)
    __hlmcs_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--tcp')
        return
        ;;
    '--serial')
        return
        ;;
    '--baud')
        return
        ;;
    '--optical')
        return
        ;;
    '--client')
        return
        ;;
    '--server-address')
        return
        ;;
    '--logical')
        return
        ;;
    '--address-size')
        return
        ;;
    '--max-info')
        return
        ;;
    '--window')
        return
        ;;
    '--timeout')
        return
        ;;
    '--trace')
        return
        ;;
    '--map')
        return
        ;;
    '--db')
        return
        ;;
    '--lang')
        __hlmcs_add_completions -W 'ru'$'\n''en'
        return
        ;;
    esac
}

_hlmcs_set() {
    repeating_flags=()
    non_repeating_flags=(--wrapper --nls --lls --broadcast --refresh-objects --json --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--tcp --serial --baud --optical --client --server-address --logical --address-size --max-info --window --timeout --trace --map --db --lang)
    __hlmcs_offer_flags_options 2

    # Offer option value completions
    case "${prev}" in
    '--tcp')
        return
        ;;
    '--serial')
        return
        ;;
    '--baud')
        return
        ;;
    '--optical')
        return
        ;;
    '--client')
        return
        ;;
    '--server-address')
        return
        ;;
    '--logical')
        return
        ;;
    '--address-size')
        return
        ;;
    '--max-info')
        return
        ;;
    '--window')
        return
        ;;
    '--timeout')
        return
        ;;
    '--trace')
        return
        ;;
    '--map')
        return
        ;;
    '--db')
        return
        ;;
    '--lang')
        __hlmcs_add_completions -W 'ru'$'\n''en'
        return
        ;;
    esac
}

_hlmcs_clock() {
    repeating_flags=()
    non_repeating_flags=(--sync --wrapper --nls --lls --broadcast --refresh-objects --json --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--set --time-zone --tcp --serial --baud --optical --client --server-address --logical --address-size --max-info --window --timeout --trace --map --db --lang)
    __hlmcs_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--set')
        return
        ;;
    '--time-zone')
        return
        ;;
    '--tcp')
        return
        ;;
    '--serial')
        return
        ;;
    '--baud')
        return
        ;;
    '--optical')
        return
        ;;
    '--client')
        return
        ;;
    '--server-address')
        return
        ;;
    '--logical')
        return
        ;;
    '--address-size')
        return
        ;;
    '--max-info')
        return
        ;;
    '--window')
        return
        ;;
    '--timeout')
        return
        ;;
    '--trace')
        return
        ;;
    '--map')
        return
        ;;
    '--db')
        return
        ;;
    '--lang')
        __hlmcs_add_completions -W 'ru'$'\n''en'
        return
        ;;
    esac
}

_hlmcs_gprs() {
    repeating_flags=()
    non_repeating_flags=(--dpd-password --wrapper --nls --lls --broadcast --refresh-objects --json --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--apn --primary --backup --heartbeat --dpd-user --tcp --serial --baud --optical --client --server-address --logical --address-size --max-info --window --timeout --trace --map --db --lang)
    __hlmcs_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--apn')
        return
        ;;
    '--primary')
        return
        ;;
    '--backup')
        return
        ;;
    '--heartbeat')
        return
        ;;
    '--dpd-user')
        return
        ;;
    '--tcp')
        return
        ;;
    '--serial')
        return
        ;;
    '--baud')
        return
        ;;
    '--optical')
        return
        ;;
    '--client')
        return
        ;;
    '--server-address')
        return
        ;;
    '--logical')
        return
        ;;
    '--address-size')
        return
        ;;
    '--max-info')
        return
        ;;
    '--window')
        return
        ;;
    '--timeout')
        return
        ;;
    '--trace')
        return
        ;;
    '--map')
        return
        ;;
    '--db')
        return
        ;;
    '--lang')
        __hlmcs_add_completions -W 'ru'$'\n''en'
        return
        ;;
    esac
}

_hlmcs_ip() {
    repeating_flags=()
    non_repeating_flags=(--wrapper --nls --lls --broadcast --refresh-objects --json --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--dhcp --ip --mask --gateway --dns1 --dns2 --tcp-port --tcp --serial --baud --optical --client --server-address --logical --address-size --max-info --window --timeout --trace --map --db --lang)
    __hlmcs_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--dhcp')
        return
        ;;
    '--ip')
        return
        ;;
    '--mask')
        return
        ;;
    '--gateway')
        return
        ;;
    '--dns1')
        return
        ;;
    '--dns2')
        return
        ;;
    '--tcp-port')
        return
        ;;
    '--tcp')
        return
        ;;
    '--serial')
        return
        ;;
    '--baud')
        return
        ;;
    '--optical')
        return
        ;;
    '--client')
        return
        ;;
    '--server-address')
        return
        ;;
    '--logical')
        return
        ;;
    '--address-size')
        return
        ;;
    '--max-info')
        return
        ;;
    '--window')
        return
        ;;
    '--timeout')
        return
        ;;
    '--trace')
        return
        ;;
    '--map')
        return
        ;;
    '--db')
        return
        ;;
    '--lang')
        __hlmcs_add_completions -W 'ru'$'\n''en'
        return
        ;;
    esac
}

_hlmcs_meters() {
    repeating_flags=()
    non_repeating_flags=(--status --wrapper --nls --lls --broadcast --refresh-objects --json --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--csv --sep --decimal --tcp --serial --baud --optical --client --server-address --logical --address-size --max-info --window --timeout --trace --map --db --lang)
    __hlmcs_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--csv')
        return
        ;;
    '--sep')
        return
        ;;
    '--decimal')
        return
        ;;
    '--tcp')
        return
        ;;
    '--serial')
        return
        ;;
    '--baud')
        return
        ;;
    '--optical')
        return
        ;;
    '--client')
        return
        ;;
    '--server-address')
        return
        ;;
    '--logical')
        return
        ;;
    '--address-size')
        return
        ;;
    '--max-info')
        return
        ;;
    '--window')
        return
        ;;
    '--timeout')
        return
        ;;
    '--trace')
        return
        ;;
    '--map')
        return
        ;;
    '--db')
        return
        ;;
    '--lang')
        __hlmcs_add_completions -W 'ru'$'\n''en'
        return
        ;;
    esac
}

_hlmcs_topology() {
    repeating_flags=()
    non_repeating_flags=(--wrapper --nls --lls --broadcast --refresh-objects --json --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--meter --tcp --serial --baud --optical --client --server-address --logical --address-size --max-info --window --timeout --trace --map --db --lang)
    __hlmcs_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--meter')
        return
        ;;
    '--tcp')
        return
        ;;
    '--serial')
        return
        ;;
    '--baud')
        return
        ;;
    '--optical')
        return
        ;;
    '--client')
        return
        ;;
    '--server-address')
        return
        ;;
    '--logical')
        return
        ;;
    '--address-size')
        return
        ;;
    '--max-info')
        return
        ;;
    '--window')
        return
        ;;
    '--timeout')
        return
        ;;
    '--trace')
        return
        ;;
    '--map')
        return
        ;;
    '--db')
        return
        ;;
    '--lang')
        __hlmcs_add_completions -W 'ru'$'\n''en'
        return
        ;;
    esac
}

_hlmcs_profile() {
    repeating_flags=()
    non_repeating_flags=(--wrapper --nls --lls --broadcast --refresh-objects --json --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--obis --point --from --to --unit --csv --sep --decimal --tcp --serial --baud --optical --client --server-address --logical --address-size --max-info --window --timeout --trace --map --db --lang)
    __hlmcs_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--obis')
        return
        ;;
    '--point')
        return
        ;;
    '--from')
        return
        ;;
    '--to')
        return
        ;;
    '--unit')
        __hlmcs_add_completions -W 'wh'$'\n''kwh'$'\n''mwh'
        return
        ;;
    '--csv')
        return
        ;;
    '--sep')
        return
        ;;
    '--decimal')
        return
        ;;
    '--tcp')
        return
        ;;
    '--serial')
        return
        ;;
    '--baud')
        return
        ;;
    '--optical')
        return
        ;;
    '--client')
        return
        ;;
    '--server-address')
        return
        ;;
    '--logical')
        return
        ;;
    '--address-size')
        return
        ;;
    '--max-info')
        return
        ;;
    '--window')
        return
        ;;
    '--timeout')
        return
        ;;
    '--trace')
        return
        ;;
    '--map')
        return
        ;;
    '--db')
        return
        ;;
    '--lang')
        __hlmcs_add_completions -W 'ru'$'\n''en'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __hlmcs_add_completions -W 'daily'$'\n''monthly'$'\n''active-max'$'\n''reactive-max'
        return
        ;;
    esac
}

_hlmcs_events() {
    repeating_flags=()
    non_repeating_flags=(--wrapper --nls --lls --broadcast --refresh-objects --json --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--point --from --to --code --csv --sep --decimal --tcp --serial --baud --optical --client --server-address --logical --address-size --max-info --window --timeout --trace --map --db --lang)
    __hlmcs_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--point')
        return
        ;;
    '--from')
        return
        ;;
    '--to')
        return
        ;;
    '--code')
        return
        ;;
    '--csv')
        return
        ;;
    '--sep')
        return
        ;;
    '--decimal')
        return
        ;;
    '--tcp')
        return
        ;;
    '--serial')
        return
        ;;
    '--baud')
        return
        ;;
    '--optical')
        return
        ;;
    '--client')
        return
        ;;
    '--server-address')
        return
        ;;
    '--logical')
        return
        ;;
    '--address-size')
        return
        ;;
    '--max-info')
        return
        ;;
    '--window')
        return
        ;;
    '--timeout')
        return
        ;;
    '--trace')
        return
        ;;
    '--map')
        return
        ;;
    '--db')
        return
        ;;
    '--lang')
        __hlmcs_add_completions -W 'ru'$'\n''en'
        return
        ;;
    esac
}

_hlmcs_ports() {
    repeating_flags=()
    non_repeating_flags=(--json --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--db --lang)
    __hlmcs_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    '--lang')
        __hlmcs_add_completions -W 'ru'$'\n''en'
        return
        ;;
    esac
}

_hlmcs_settings() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __hlmcs_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    export|import)
        # Offer subcommand argument completions
        "_hlmcs_settings_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'export import' -- "${cur}"))
        ;;
    esac
}

_hlmcs_settings_export() {
    repeating_flags=()
    non_repeating_flags=(--wrapper --nls --lls --broadcast --refresh-objects --json --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--tcp --serial --baud --optical --client --server-address --logical --address-size --max-info --window --timeout --trace --map --db --lang)
    __hlmcs_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--tcp')
        return
        ;;
    '--serial')
        return
        ;;
    '--baud')
        return
        ;;
    '--optical')
        return
        ;;
    '--client')
        return
        ;;
    '--server-address')
        return
        ;;
    '--logical')
        return
        ;;
    '--address-size')
        return
        ;;
    '--max-info')
        return
        ;;
    '--window')
        return
        ;;
    '--timeout')
        return
        ;;
    '--trace')
        return
        ;;
    '--map')
        return
        ;;
    '--db')
        return
        ;;
    '--lang')
        __hlmcs_add_completions -W 'ru'$'\n''en'
        return
        ;;
    esac
}

_hlmcs_settings_import() {
    repeating_flags=()
    non_repeating_flags=(--wrapper --nls --lls --broadcast --refresh-objects --dry-run --json --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--tcp --serial --baud --optical --client --server-address --logical --address-size --max-info --window --timeout --trace --map --db --lang)
    __hlmcs_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--tcp')
        return
        ;;
    '--serial')
        return
        ;;
    '--baud')
        return
        ;;
    '--optical')
        return
        ;;
    '--client')
        return
        ;;
    '--server-address')
        return
        ;;
    '--logical')
        return
        ;;
    '--address-size')
        return
        ;;
    '--max-info')
        return
        ;;
    '--window')
        return
        ;;
    '--timeout')
        return
        ;;
    '--trace')
        return
        ;;
    '--map')
        return
        ;;
    '--db')
        return
        ;;
    '--lang')
        __hlmcs_add_completions -W 'ru'$'\n''en'
        return
        ;;
    esac
}

_hlmcs_firmware() {
    repeating_flags=()
    non_repeating_flags=(--wrapper --nls --lls --broadcast --refresh-objects --activate --json --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--tcp --serial --baud --optical --client --server-address --logical --address-size --max-info --window --timeout --trace --map --id --db --lang)
    __hlmcs_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--tcp')
        return
        ;;
    '--serial')
        return
        ;;
    '--baud')
        return
        ;;
    '--optical')
        return
        ;;
    '--client')
        return
        ;;
    '--server-address')
        return
        ;;
    '--logical')
        return
        ;;
    '--address-size')
        return
        ;;
    '--max-info')
        return
        ;;
    '--window')
        return
        ;;
    '--timeout')
        return
        ;;
    '--trace')
        return
        ;;
    '--map')
        return
        ;;
    '--id')
        return
        ;;
    '--db')
        return
        ;;
    '--lang')
        __hlmcs_add_completions -W 'ru'$'\n''en'
        return
        ;;
    esac
}

_hlmcs_clear() {
    repeating_flags=()
    non_repeating_flags=(--all-points --yes --wrapper --nls --lls --broadcast --refresh-objects --json --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--point --tcp --serial --baud --optical --client --server-address --logical --address-size --max-info --window --timeout --trace --map --db --lang)
    __hlmcs_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--point')
        return
        ;;
    '--tcp')
        return
        ;;
    '--serial')
        return
        ;;
    '--baud')
        return
        ;;
    '--optical')
        return
        ;;
    '--client')
        return
        ;;
    '--server-address')
        return
        ;;
    '--logical')
        return
        ;;
    '--address-size')
        return
        ;;
    '--max-info')
        return
        ;;
    '--window')
        return
        ;;
    '--timeout')
        return
        ;;
    '--trace')
        return
        ;;
    '--map')
        return
        ;;
    '--db')
        return
        ;;
    '--lang')
        __hlmcs_add_completions -W 'ru'$'\n''en'
        return
        ;;
    esac
}

_hlmcs_objects() {
    repeating_flags=()
    non_repeating_flags=(--list --wrapper --nls --lls --broadcast --refresh-objects --json --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--tcp --serial --baud --optical --client --server-address --logical --address-size --max-info --window --timeout --trace --map --db --lang)
    __hlmcs_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--tcp')
        return
        ;;
    '--serial')
        return
        ;;
    '--baud')
        return
        ;;
    '--optical')
        return
        ;;
    '--client')
        return
        ;;
    '--server-address')
        return
        ;;
    '--logical')
        return
        ;;
    '--address-size')
        return
        ;;
    '--max-info')
        return
        ;;
    '--window')
        return
        ;;
    '--timeout')
        return
        ;;
    '--trace')
        return
        ;;
    '--map')
        return
        ;;
    '--db')
        return
        ;;
    '--lang')
        __hlmcs_add_completions -W 'ru'$'\n''en'
        return
        ;;
    esac
}

_hlmcs_read() {
    repeating_flags=()
    non_repeating_flags=(--wrapper --nls --lls --broadcast --refresh-objects --json --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--attribute --tcp --serial --baud --optical --client --server-address --logical --address-size --max-info --window --timeout --trace --map --db --lang)
    __hlmcs_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--attribute')
        return
        ;;
    '--tcp')
        return
        ;;
    '--serial')
        return
        ;;
    '--baud')
        return
        ;;
    '--optical')
        return
        ;;
    '--client')
        return
        ;;
    '--server-address')
        return
        ;;
    '--logical')
        return
        ;;
    '--address-size')
        return
        ;;
    '--max-info')
        return
        ;;
    '--window')
        return
        ;;
    '--timeout')
        return
        ;;
    '--trace')
        return
        ;;
    '--map')
        return
        ;;
    '--db')
        return
        ;;
    '--lang')
        __hlmcs_add_completions -W 'ru'$'\n''en'
        return
        ;;
    esac
}

_hlmcs_map() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __hlmcs_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    learn|check)
        # Offer subcommand argument completions
        "_hlmcs_map_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'learn check' -- "${cur}"))
        ;;
    esac
}

_hlmcs_map_learn() {
    repeating_flags=()
    non_repeating_flags=(--wrapper --nls --lls --broadcast --refresh-objects --json --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--out --tcp --serial --baud --optical --client --server-address --logical --address-size --max-info --window --timeout --trace --map --db --lang)
    __hlmcs_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--out')
        return
        ;;
    '--tcp')
        return
        ;;
    '--serial')
        return
        ;;
    '--baud')
        return
        ;;
    '--optical')
        return
        ;;
    '--client')
        return
        ;;
    '--server-address')
        return
        ;;
    '--logical')
        return
        ;;
    '--address-size')
        return
        ;;
    '--max-info')
        return
        ;;
    '--window')
        return
        ;;
    '--timeout')
        return
        ;;
    '--trace')
        return
        ;;
    '--map')
        return
        ;;
    '--db')
        return
        ;;
    '--lang')
        __hlmcs_add_completions -W 'ru'$'\n''en'
        return
        ;;
    esac
}

_hlmcs_map_check() {
    repeating_flags=()
    non_repeating_flags=(--json --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--db --lang)
    __hlmcs_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    '--lang')
        __hlmcs_add_completions -W 'ru'$'\n''en'
        return
        ;;
    esac
}

_hlmcs_detect() {
    repeating_flags=()
    non_repeating_flags=(--wrapper --nls --lls --broadcast --refresh-objects --json --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--serial-number --limit --save --tcp --serial --baud --optical --client --server-address --logical --address-size --max-info --window --timeout --trace --map --db --lang)
    __hlmcs_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--serial-number')
        return
        ;;
    '--limit')
        return
        ;;
    '--save')
        return
        ;;
    '--tcp')
        return
        ;;
    '--serial')
        return
        ;;
    '--baud')
        return
        ;;
    '--optical')
        return
        ;;
    '--client')
        return
        ;;
    '--server-address')
        return
        ;;
    '--logical')
        return
        ;;
    '--address-size')
        return
        ;;
    '--max-info')
        return
        ;;
    '--window')
        return
        ;;
    '--timeout')
        return
        ;;
    '--trace')
        return
        ;;
    '--map')
        return
        ;;
    '--db')
        return
        ;;
    '--lang')
        __hlmcs_add_completions -W 'ru'$'\n''en'
        return
        ;;
    esac
}

_hlmcs_users() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __hlmcs_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    init|list|add|passwd|delete|role|rename)
        # Offer subcommand argument completions
        "_hlmcs_users_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'init list add passwd delete role rename' -- "${cur}"))
        ;;
    esac
}

_hlmcs_users_init() {
    repeating_flags=()
    non_repeating_flags=(--json --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--db --lang)
    __hlmcs_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    '--lang')
        __hlmcs_add_completions -W 'ru'$'\n''en'
        return
        ;;
    esac
}

_hlmcs_users_list() {
    repeating_flags=()
    non_repeating_flags=(--json --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--db --lang)
    __hlmcs_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    '--lang')
        __hlmcs_add_completions -W 'ru'$'\n''en'
        return
        ;;
    esac
}

_hlmcs_users_add() {
    repeating_flags=()
    non_repeating_flags=(--json --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--role --db --lang)
    __hlmcs_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--role')
        return
        ;;
    '--db')
        return
        ;;
    '--lang')
        __hlmcs_add_completions -W 'ru'$'\n''en'
        return
        ;;
    esac
}

_hlmcs_users_passwd() {
    repeating_flags=()
    non_repeating_flags=(--json --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--db --lang)
    __hlmcs_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    '--lang')
        __hlmcs_add_completions -W 'ru'$'\n''en'
        return
        ;;
    esac
}

_hlmcs_users_delete() {
    repeating_flags=()
    non_repeating_flags=(--json --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--db --lang)
    __hlmcs_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    '--lang')
        __hlmcs_add_completions -W 'ru'$'\n''en'
        return
        ;;
    esac
}

_hlmcs_users_role() {
    repeating_flags=()
    non_repeating_flags=(--json --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--db --lang)
    __hlmcs_offer_flags_options 2

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    '--lang')
        __hlmcs_add_completions -W 'ru'$'\n''en'
        return
        ;;
    esac
}

_hlmcs_users_rename() {
    repeating_flags=()
    non_repeating_flags=(--json --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--db --lang)
    __hlmcs_offer_flags_options 2

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    '--lang')
        __hlmcs_add_completions -W 'ru'$'\n''en'
        return
        ;;
    esac
}

_hlmcs_roles() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __hlmcs_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    list|grant|revoke)
        # Offer subcommand argument completions
        "_hlmcs_roles_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'list grant revoke' -- "${cur}"))
        ;;
    esac
}

_hlmcs_roles_list() {
    repeating_flags=()
    non_repeating_flags=(--json --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--db --lang)
    __hlmcs_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    '--lang')
        __hlmcs_add_completions -W 'ru'$'\n''en'
        return
        ;;
    esac
}

_hlmcs_roles_grant() {
    repeating_flags=()
    non_repeating_flags=(--json --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--db --lang)
    __hlmcs_offer_flags_options 2

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    '--lang')
        __hlmcs_add_completions -W 'ru'$'\n''en'
        return
        ;;
    esac
}

_hlmcs_roles_revoke() {
    repeating_flags=()
    non_repeating_flags=(--json --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--db --lang)
    __hlmcs_offer_flags_options 2

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    '--lang')
        __hlmcs_add_completions -W 'ru'$'\n''en'
        return
        ;;
    esac
}

_hlmcs_audit() {
    repeating_flags=()
    non_repeating_flags=(--json --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--since --db --lang)
    __hlmcs_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--since')
        return
        ;;
    '--db')
        return
        ;;
    '--lang')
        __hlmcs_add_completions -W 'ru'$'\n''en'
        return
        ;;
    esac
}

_hlmcs_help() {
    repeating_flags=()
    non_repeating_flags=(--version)
    repeating_options=()
    non_repeating_options=()
    __hlmcs_offer_flags_options -1
}

complete -o filenames -F _hlmcs hlmcs
