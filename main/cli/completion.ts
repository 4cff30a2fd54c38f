/**
 * `cognito-desktop completion bash|zsh|fish`: a completion script written from the command table,
 * so it offers exactly the commands, options and setting keys the parser accepts.
 */
import type { Command, OptionSpec } from './command.ts';

export const COMPLETION_SHELLS = ['bash', 'zsh', 'fish'] as const;
export type CompletionShell = (typeof COMPLETION_SHELLS)[number];

export interface CompletionTable {
  commands: readonly Command[];
  globalOptions: Record<string, OptionSpec>;
  settingKeys: readonly string[];
}

/** The words that may follow `cognito-desktop`, and those after each group word (`config`). */
function words(table: CompletionTable) {
  const first = [...new Set(table.commands.map((c) => c.name.split(' ')[0]!))];
  const second = new Map<string, string[]>();
  for (const { name } of table.commands) {
    const [group, sub] = name.split(' ');
    if (sub) second.set(group!, [...(second.get(group!) ?? []), sub]);
  }
  const optionsOf = (command: Command) =>
    [...Object.keys(command.options), ...Object.keys(table.globalOptions)].map((o) => `--${o}`);
  return { first, second, optionsOf };
}

function bash(table: CompletionTable): string {
  const { first, second, optionsOf } = words(table);
  // Options that take a value: the word after one is its value, not a command.
  const valued = [
    ...new Set(
      [...table.commands.flatMap((c) => Object.entries(c.options)), ...Object.entries(table.globalOptions)]
        .filter(([, spec]) => spec.type === 'string')
        .map(([name]) => `--${name}`),
    ),
  ];
  const cases = table.commands.map((c) => `    "${c.name}") opts="${optionsOf(c).join(' ')}" ;;`).join('\n');
  const groups = [...second]
    .map(
      ([group, subs]) => `    ${group}) COMPREPLY=($(compgen -W "${subs.join(' ')}" -- "$cur")); return ;;`,
    )
    .join('\n');
  return `# cognito-desktop completion for bash: eval "$(cognito-desktop completion bash)"
_cognito_desktop() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" words=() w skip=
  for w in "\${COMP_WORDS[@]:1:COMP_CWORD-1}"; do
    if [ -n "$skip" ]; then skip=; continue; fi
    case " ${valued.join(' ')} " in *" $w "*) skip=1; continue ;; esac
    case "$w" in -*) ;; *) words+=("$w") ;; esac
  done
  [ -n "$skip" ] && return
  if [ \${#words[@]} -eq 0 ]; then
    COMPREPLY=($(compgen -W "${first.join(' ')} --help --version" -- "$cur")); return
  fi
  if [ \${#words[@]} -eq 1 ] && [[ "$cur" != -* ]]; then
    case "\${words[0]}" in
${groups}
    esac
  fi
  local key="\${words[0]}" opts=
  case "$key" in ${[...second.keys()].join('|')}) key="\${words[0]} \${words[1]}" ;; esac
  if [[ "$key" == "config set" || "$key" == "config unset" ]] && [ \${#words[@]} -eq 2 ] && [[ "$cur" != -* ]]; then
    COMPREPLY=($(compgen -W "${table.settingKeys.join(' ')}" -- "$cur")); return
  fi
  case "$key" in
${cases}
  esac
  COMPREPLY=($(compgen -W "$opts" -- "$cur"))
}
complete -o default -F _cognito_desktop cognito-desktop
`;
}

function zsh(table: CompletionTable): string {
  return `#compdef cognito-desktop
# cognito-desktop completion for zsh: eval "$(cognito-desktop completion zsh)"
autoload -U +X bashcompinit && bashcompinit
${bash(table).split('\n').slice(1).join('\n')}`;
}

function fish(table: CompletionTable): string {
  const { first, second, optionsOf } = words(table);
  const lines = [
    '# cognito-desktop completion for fish: cognito-desktop completion fish | source',
    'complete -c cognito-desktop -f',
    `complete -c cognito-desktop -n __fish_use_subcommand -a '${first.join(' ')}'`,
  ];
  for (const [group, subs] of second) {
    lines.push(
      `complete -c cognito-desktop -n '__fish_seen_subcommand_from ${group}; and not __fish_seen_subcommand_from ${subs.join(' ')}' -a '${subs.join(' ')}'`,
    );
  }
  lines.push(
    `complete -c cognito-desktop -n '__fish_seen_subcommand_from set unset' -a '${table.settingKeys.join(' ')}'`,
  );
  for (const command of table.commands) {
    const condition = command.name
      .split(' ')
      .map((w) => `__fish_seen_subcommand_from ${w}`)
      .join('; and ');
    for (const option of optionsOf(command))
      lines.push(`complete -c cognito-desktop -n '${condition}' -l ${option.slice(2)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The completion script for `shell`. */
export function completionScript(shell: CompletionShell, table: CompletionTable): string {
  return { bash, zsh, fish }[shell](table);
}
