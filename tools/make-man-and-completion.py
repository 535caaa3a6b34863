#!/usr/bin/env python3
# make-man-and-completion.py — the man pages and the bash completion of
# govstats, from one source: the program's own help (its command table and
# each command's GOption entries), so that neither can drift from the code.
#
#   make-man-and-completion.py GOVSTATS VERSION --man OUTDIR COMMAND…
#   make-man-and-completion.py GOVSTATS VERSION --completion FILE COMMAND…
#
# writes OUTDIR/govstats.1 and OUTDIR/govstats-COMMAND.1 for each COMMAND,
# or the bash completion to FILE. COMMAND… must be exactly the commands
# `govstats --help` lists: a command added to the program but not to the
# build fails here instead of going without a page.
#
# Copyright 2026 The libgovstats authors
# SPDX-License-Identifier: LGPL-2.1-or-later
import os
import re
import subprocess
import sys

OPTION = re.compile(r"^  (?:(-\w), )?(--[\w-]+)(?:=(\S+))?\s{2,}(.*)$")


def die(message):
    sys.exit(f"make-man-and-completion.py: {message}")


def run_help(program, *args):
    env = dict(os.environ, LC_ALL="C.UTF-8")
    env.pop("LANGUAGE", None)
    # In a sanitizer build the program runs here outside `meson test`: its
    # leak report at exit is for the test suite, not for printing its help.
    env.setdefault("ASAN_OPTIONS", "detect_leaks=0")
    proc = subprocess.run([program, *args, "--help"], capture_output=True, text=True, env=env)
    if proc.returncode != 0:
        die(f"{program} {' '.join(args)} --help exited with {proc.returncode}: {proc.stderr}")
    return proc.stdout.splitlines()


def parse_main(lines):
    """The command table of `govstats --help`: [(name, summary)]."""
    commands, description, section = [], [], None
    for line in lines:
        if line == "Commands:":
            section = "commands"
        elif line.startswith("Run ") or line == "Options:":
            section = None
        elif section == "commands" and line.startswith("  "):
            name, summary = line.strip().split(None, 1)
            commands.append((name, summary))
        elif section is None and not line.startswith("Usage:") and line and not line.startswith("  "):
            description.append(line)
    return commands, " ".join(description)


def parse_command(lines, name):
    """Usage, description paragraphs and options of `govstats NAME --help`."""
    if len(lines) < 2 or lines[0] != "Usage:":
        die(f"govstats {name} --help: no usage line")
    usage = lines[1].strip()
    prefix = f"govstats {name} "
    if not usage.startswith(prefix):
        die(f"govstats {name} --help: unexpected usage {usage!r}")
    paragraphs, options, i = [[]], [], 2
    while i < len(lines) and not lines[i].endswith("Options:"):
        if lines[i]:
            paragraphs[-1].append(lines[i])
        elif paragraphs[-1]:
            paragraphs.append([])
        i += 1
    for line in lines[i:]:
        m = OPTION.match(line)
        if m:
            options.append({"short": m.group(1), "long": m.group(2), "arg": m.group(3),
                            "help": m.group(4).strip()})
        elif line.startswith("  "):
            die(f"govstats {name} --help: cannot read option line {line!r}")
    return usage[len(prefix):], [" ".join(p) for p in paragraphs if p], options


def roff(text):
    text = text.replace("\\", "\\e").replace("-", "\\-")
    return "\\&" + text if text[:1] in (".", "'") else text


def roff_option(option):
    names = f"\\fB{roff(option['long'])}\\fR"
    if option["arg"]:
        names += f"=\\fI{roff(option['arg'])}\\fR"
    if option["short"]:
        short = f"\\fB{roff(option['short'])}\\fR" + (f" \\fI{roff(option['arg'])}\\fR" if option["arg"] else "")
        names = short + ", " + names
    return f".TP\n{names}\n{roff(option['help'])}\n"


def header(title, version, name, summary):
    return (f'.TH {title} 1 "" "libgovstats {version}" "User Commands"\n'
            f".SH NAME\n{roff(name)} \\- {roff(summary)}\n")


def main_page(version, commands, description):
    # NAME: the help's first clause, in the lower case of a whatis line.
    summary = description.split(":")[0] if description else "govstats"
    page = header("GOVSTATS", version, "govstats", summary[:1].lower() + summary[1:])
    page += ".SH SYNOPSIS\n.B govstats\n\\fICOMMAND\\fR [\\fIOPTION\\fR…]\n"
    page += f".SH DESCRIPTION\n{roff(description)}\n"
    page += ".SH COMMANDS\n"
    for name, summary in commands:
        page += f".TP\n\\fBgovstats {roff(name)}\\fR\n{roff(summary)}; see \\fBgovstats\\-{roff(name)}\\fR(1).\n"
    page += (".SH OPTIONS\n.TP\n\\fB\\-\\-help\\fR\nShow the commands and stop.\n"
             ".TP\n\\fB\\-\\-version\\fR\nShow the version and stop.\n")
    page += ".SH SEE ALSO\n" + ",\n".join(f".BR govstats\\-{roff(n)} (1)" for n, _ in commands) + "\n"
    return page


def command_page(version, name, summary, usage, paragraphs, options):
    page = header(f"GOVSTATS-{name.upper()}", version, f"govstats-{name}", summary)
    page += f".SH SYNOPSIS\n.B govstats {roff(name)}\n{roff(usage)}\n"
    page += ".SH DESCRIPTION\n" + "\n.PP\n".join(roff(p) for p in paragraphs) + "\n"
    page += ".SH OPTIONS\n" + "".join(roff_option(o) for o in options)
    page += ".SH SEE ALSO\n.BR govstats (1)\n"
    return page


def completion(commands, parsed):
    """A bash completion function: commands, then each command's options;
    after an option that takes a value, its choices where the help names
    them (`zh or en`), else file names."""
    out = ["# bash completion for govstats, generated from its --help\n",
           "_govstats()\n{\n",
           '    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}\n',
           '    # --lang=zh: bash splits the word at the =\n',
           '    [ "$prev" = "=" ] && prev=${COMP_WORDS[COMP_CWORD-2]}\n',
           "    if [ \"$COMP_CWORD\" -eq 1 ]; then\n",
           "        COMPREPLY=($(compgen -W '" + " ".join(n for n, _ in commands) + " --help --version' -- \"$cur\"))\n",
           "        return\n    fi\n",
           "    local opts= takes_value=\n",
           "    case ${COMP_WORDS[1]} in\n"]
    for name, _ in commands:
        _, _, options = parsed[name]
        words = [o["long"] for o in options] + [o["short"] for o in options if o["short"]]
        valued = [o["long"] for o in options if o["arg"]] + [o["short"] for o in options if o["arg"] and o["short"]]
        out.append(f"        {name}) opts='{' '.join(words)}' takes_value='{' '.join(valued)}' ;;\n")
    out.append("        *) return ;;\n    esac\n")
    out.append("    case \" $takes_value \" in\n        *\" $prev \"*)\n            case \"${COMP_WORDS[1]} $prev\" in\n")
    choices = {}
    for name, _ in commands:
        for o in parsed[name][2]:
            m = re.search(r"(\b[\w-]+(?: \(default\))?(?:, [\w-]+(?: \([^)]*\))?)*,? or [\w-]+(?: \([^)]*\))?)", o["help"])
            if o["arg"] and m and o["arg"].isupper() and o["arg"] not in ("FILE", "ROSTER", "NAME"):
                words = re.findall(r"([\w-]+)(?: \([^)]*\))?(?:,|$| or)", m.group(1))
                choices.setdefault(name, {})[o["long"]] = words
    for name, per_option in choices.items():
        for option, words in per_option.items():
            out.append(f"                '{name} {option}') "
                       f"COMPREPLY=($(compgen -W '{' '.join(words)}' -- \"$cur\")); return ;;\n")
    out.append("            esac\n            COMPREPLY=($(compgen -f -- \"$cur\"))\n            return ;;\n    esac\n")
    out.append("    case $cur in\n")
    out.append("        -*) COMPREPLY=($(compgen -W \"$opts\" -- \"$cur\")) ;;\n")
    out.append("        *) COMPREPLY=($(compgen -f -- \"$cur\")) ;;\n    esac\n}\n")
    out.append("complete -o filenames -F _govstats govstats\n")
    return "".join(out)


def write(path, text):
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)


def main():
    if len(sys.argv) < 6 or sys.argv[3] not in ("--man", "--completion"):
        die("usage: make-man-and-completion.py GOVSTATS VERSION --man OUTDIR|--completion FILE COMMAND…")
    program, version, what, out, wanted = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5:]
    commands, description = parse_main(run_help(program))
    names = [n for n, _ in commands]
    if names != wanted:
        die(f"the program's commands {names} are not the build's {wanted} (tools/meson.build)")
    parsed = {name: parse_command(run_help(program, name), name) for name in names}
    if what == "--completion":
        write(out, completion(commands, parsed))
        return
    write(os.path.join(out, "govstats.1"), main_page(version, commands, description))
    for name, summary in commands:
        write(os.path.join(out, f"govstats-{name}.1"), command_page(version, name, summary, *parsed[name]))


main()
