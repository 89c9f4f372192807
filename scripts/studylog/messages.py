"""The message catalog: every sentence studylog prints on a terminal, in English and in Chinese.

A typed Python catalog rather than gettext `.po`/`.mo` files: each entry holds both languages side
by side (a translator sees the English while writing the Chinese), mypy checks every entry's shape,
a test checks that no entry lacks a language and that both take the same `{placeholders}`, and there
is no compiled `.mo` file to build or forget. Chinese has no plural forms; English has two, so an
entry that counts something carries `en_one`, chosen by `t(..., n=1)`.

Keys are stable ids grouped by a prefix: `kind.` (what a value is), `hint.` (how to fix it),
`cli.` (a command's own output), `status.` (`studylog status`), `help.` (`--help`); a bare id is a
diagnostic message. Codes and JSON keys are not here: they stay English.
"""

from __future__ import annotations

from typing import Final, NamedTuple


class Entry(NamedTuple):
    en: str
    zh: str
    en_one: str = ""  # the English singular, when `en` counts `{n}` things


CATALOG: Final[dict[str, Entry]] = {
    # -- what a value is ------------------------------------------------------------------------
    "kind.text": Entry("text", "文本"),
    "kind.int": Entry("a whole number", "整数"),
    "kind.float": Entry("a number", "数字"),
    "kind.bool": Entry("true/false", "true/false 布尔值"),
    "kind.null": Entry("nothing (null)", "空值（null）"),
    "kind.date": Entry("a date", "日期"),
    "kind.mapping": Entry("a mapping (`key: value` lines)", "映射（若干行 `键: 值`）"),
    "kind.list": Entry("a list", "列表"),
    "kind.list-lines": Entry("a list (lines starting with `- `)", "列表（以 `- ` 开头的若干行）"),
    "kind.value": Entry("a value", "一个值"),
    "kind.date-example": Entry("a date like 2026-01-05", "形如 2026-01-05 的日期"),
    "word.or": Entry(" or ", " 或 "),
    "trap.bool": Entry("the boolean {value}", "布尔值 {value}"),
    "trap.base60": Entry("the base-60 number {number}", "六十进制数 {number}"),
    # -- reading values -------------------------------------------------------------------------
    "wrong-type": Entry("`{what}` should be {expected}, not {actual}", "`{what}` 应该是{expected}，而不是{actual}"),
    "key-not-word": Entry("a key in `{what}` must be a word", "`{what}` 里的键必须是一个词"),
    "merge-key": Entry("merge keys (`<<`) are not supported", "不支持合并键（`<<`）"),
    "hint.merge-key": Entry("write the keys out", "把键逐个写出来"),
    "duplicate-key": Entry(
        "`{key}` appears twice in `{what}` (first at line {line})",
        "`{key}` 在 `{what}` 里出现了两次（第一次在第 {line} 行）",
    ),
    "hint.duplicate-key": Entry(
        "YAML keeps only the last one; merge the two into one", "YAML 只保留最后一个；请把两处合并成一处"
    ),
    "unknown-key": Entry("unknown key `{key}` in `{what}`", "`{what}` 里有未知的键 `{key}`"),
    "unknown-key-in": Entry("unknown key `{key}` in {file}", "{file}里有未知的键 `{key}`"),
    "word.the-checkin": Entry("the check-in", "打卡文件"),
    "word.the-plan": Entry("plan.yaml", "plan.yaml "),
    "hint.did-you-mean": Entry("did you mean {choices}?", "是不是想写 {choices}？"),
    "hint.key-alias": Entry(
        "keys are English: write `{alias}:` instead of `{key}:`", "键名要用英文：把 `{key}:` 改成 `{alias}:`"
    ),
    "hint.key-alias-list": Entry(
        "keys are English: write the list `{alias}:` instead of `{key}:`, one `- {entry}: …` line per entry",
        "键名要用英文：把 `{key}:` 改成列表 `{alias}:`，每一项写一行 `- {entry}: …`",
    ),
    "hint.known-keys": Entry("known keys: {keys}", "可用的键：{keys}"),
    "hint.colon-in-text": Entry(
        "a `: ` (colon and space) inside text starts a new key; put the whole text in quotes",
        "文本里的 `: `（冒号加空格）会被当成新的键；请把整段文本放进英文引号里",
    ),
    "implicit-type": Entry(
        "`{what}: {value}` is read by YAML as {trap}, not as text",
        "YAML 把 `{what}: {value}` 读成了{trap}，而不是文本",
    ),
    "hint.quote-it": Entry('put it in quotes: `{what}: "{value}"`', '加上英文引号：`{what}: "{value}"`'),
    "sexagesimal": Entry(
        "`{what}: {value}` is read by YAML 1.1 as a base-60 number ({number}), which is surely not what you meant",
        "YAML 1.1 把 `{what}: {value}` 读成了六十进制数（{number}），这多半不是你的本意",
    ),
    "hint.decimal": Entry("write a decimal number, e.g. 1.5", "写成小数，例如 1.5"),
    "not-a-plain-number": Entry(
        "`{what}: {value}` is not an amount; write a plain decimal number",
        "`{what}: {value}` 不是一个数量；请写普通的十进制数",
    ),
    "hint.unquote": Entry("remove the quotes: `{what}: {value}`", "去掉引号：`{what}: {value}`"),
    "hint.ascii-number": Entry(
        "type the number with half-width (ASCII) digits: `{what}: {value}`",
        "数字要用半角（英文输入法）输入：`{what}: {value}`",
    ),
    "hint.hours-unit": Entry(
        "write the number of hours without a unit: `{what}: {value}`", "只写小时数，不带单位：`{what}: {value}`"
    ),
    "hint.date-format": Entry("write the date as YYYY-MM-DD, e.g. 2026-01-05", "日期写成 YYYY-MM-DD，例如 2026-01-05"),
    "hint.date-placeholder": Entry("replace the `XX` placeholder with the real day", "把占位符 `XX` 换成实际的日子"),
    "hint.date-rewrite": Entry(
        "write the date as YYYY-MM-DD: `{what}: {date}`", "日期要写成 YYYY-MM-DD：`{what}: {date}`"
    ),
    "hint.date-no-such-day": Entry("{year}-{month:02d} has no day {day}", "{year} 年 {month} 月没有 {day} 日"),
    "invalid-date": Entry("`{what}: {value}` is not a valid date", "`{what}: {value}` 不是有效的日期"),
    "one-of": Entry("one of {choices}", "以下之一：{choices}"),
    "not-one-of": Entry("`{what}: {value}` is not one of {choices}", "`{what}: {value}` 不在可选值中：{choices}"),
    "hint.status-word": Entry("write `{what}: {status}`", "写成 `{what}: {status}`"),
    "hint.status-rest": Entry(
        "a rest day needs no check-in: list it under `rest_days:` in plan.yaml (`rest_days: [sun]`, or a"
        " date), or write `{what}: not-done`",
        "休息日不用打卡：在 plan.yaml 的 `rest_days:` 里写上它（`rest_days: [sun]` 或一个日期），或者写"
        " `{what}: not-done`",
    ),
    "invalid-id": Entry("`{value}` is not a usable id", "`{value}` 不能用作 id"),
    "hint.invalid-id": Entry(
        "ids are letters, digits, `-`, `_` and `.`, with no spaces, e.g. `w1d3` or `l01-tokenization`",
        "id 由字母、数字、`-`、`_` 和 `.` 组成，不含空格，例如 `w1d3` 或 `l01-tokenization`",
    ),
    "hint.full-width-comma": Entry(
        "`，` is a Chinese comma; YAML separates list entries with an English comma: `{fixed}`",
        "`，` 是中文逗号；YAML 用英文逗号分隔列表项：`{fixed}`",
    ),
    # -- plan.yaml and check-ins ----------------------------------------------------------------
    "negative-weight": Entry("weight {value} is negative", "权重 {value} 是负数"),
    "hint.weight": Entry(
        "weights are relative shares: 0 or more (0: counts for nothing)", "权重是相对份额：0 或更大（0 表示不计入）"
    ),
    "missing-key": Entry("`{what}` needs `{key}`", "`{what}` 缺少 `{key}`"),
    "empty-list": Entry("`{what}` is empty", "`{what}` 是空的"),
    "day-and-date": Entry(
        "an item has either `day` (day of its week) or `date`, not both",
        "一个学习项只能有 `day`（本周第几天）或 `date` 之一，不能两者都写",
    ),
    "hint.day-and-date": Entry("delete one of the two lines", "删掉其中一行"),
    "hint.day": Entry("the day of the week, 1 to 7", "本周第几天，1 到 7"),
    "invalid-day": Entry("`day: {value}` is not a day of the week", "`day: {value}` 不是一周中的某一天"),
    "hint.invalid-day": Entry(
        "`day` counts from 1 (the week's first day) to 7; use `date` for others",
        "`day` 从 1（本周第一天）数到 7；其他日子请用 `date`",
    ),
    "invalid-days": Entry("`days: {value}` is not a whole number of days", "`days: {value}` 不是整天数"),
    "hint.invalid-days": Entry(
        "a whole number from 1: how many days the item takes", "从 1 开始的整数：这个学习项要用几天"
    ),
    "days-too-long": Entry("`days: {value}` is longer than a year", "`days: {value}` 超过了一年"),
    "hint.days-too-long": Entry(
        "an item takes at most 366 days; split a longer one into weeks or phases",
        "一个学习项最多 366 天；更长的请拆分成多周或多个阶段",
    ),
    "milestone-empty": Entry("milestone `{id}` covers nothing", "里程碑 `{id}` 没有覆盖任何内容"),
    "hint.milestone-empty": Entry(
        "list the ids of the phases, weeks, items or tasks it needs: `covers: [p1]`",
        "列出它需要的阶段、周、学习项或任务的 id：`covers: [p1]`",
    ),
    "invalid-rest-day": Entry(
        "`{value}` in `rest_days` is neither a weekday nor a date", "`rest_days` 里的 `{value}` 既不是星期几也不是日期"
    ),
    "hint.rest-day": Entry("use mon … sun, 周一 … 周日, or YYYY-MM-DD", "可写 mon … sun、周一 … 周日 或 YYYY-MM-DD"),
    "unknown-timezone": Entry("`{value}` is not an IANA timezone", "`{value}` 不是 IANA 时区名"),
    "hint.timezone": Entry("e.g. Asia/Shanghai, Europe/Berlin, UTC", "例如 Asia/Shanghai、Europe/Berlin、UTC"),
    "empty-plan": Entry("plan.yaml is empty", "plan.yaml 是空的"),
    "hint.empty-plan": Entry("run `studylog init` to start from a template", "运行 `studylog init` 从模板开始"),
    "hours-per-day-range": Entry(
        "`hours_per_day: {value}` must be more than 0 and at most 24", "`hours_per_day: {value}` 必须大于 0 且不超过 24"
    ),
    "hint.hours-per-day-range": Entry(
        "the hours you plan to study on a study day, e.g. 2; leave the line out for no target",
        "每个学习日计划学习的小时数，例如 2；不设目标就删掉这一行",
    ),
    "duplicate-id": Entry("id `{id}` is already used at line {line}", "id `{id}` 已在第 {line} 行用过"),
    "hint.duplicate-id": Entry(
        "every phase, week, item, task and milestone needs its own id",
        "每个阶段、周、学习项、任务和里程碑都需要自己的 id",
    ),
    "week-out-of-order": Entry(
        "week `{id}` starts {start}, before the week above it (`{previous}`, {previous_start})",
        "第 `{id}` 周从 {start} 开始，早于它上面的一周（`{previous}`，{previous_start}）",
    ),
    "hint.week-out-of-order": Entry("list weeks in the order you study them", "按学习顺序排列各周"),
    "item-out-of-order": Entry(
        "item `{id}` is planned for {start}, before the item above it (`{previous}`, {previous_start})",
        "学习项 `{id}` 安排在 {start}，早于它上面的学习项（`{previous}`，{previous_start}）",
    ),
    "hint.item-out-of-order": Entry("list items in the order you study them", "按学习顺序排列学习项"),
    "milestone-unknown-cover": Entry(
        "milestone `{id}` covers `{cover}`, which the plan does not have",
        "里程碑 `{id}` 覆盖的 `{cover}` 在计划中不存在",
    ),
    "item-entry-needs-id": Entry("an entry of `items` needs `id`", "`items` 的每一项都需要 `id`"),
    "problem-needs-problem": Entry(
        "a problem entry needs `problem` (what went wrong)", "问题条目需要 `problem`（遇到了什么问题）"
    ),
    "hint.problem-needs-problem": Entry(
        "write `- problem: …` then `solution: …` (leave the solution out while it is open)",
        "写成 `- problem: …`，下一行 `solution: …`（还没解决就先不写 solution）",
    ),
    "link-needs-url": Entry("a link entry needs `url`", "链接条目需要 `url`"),
    "hint.link-form": Entry(
        "write `- {{url: /notes/a.md, title: 笔记}}` or just `- /notes/a.md`",
        "写成 `- {{url: /notes/a.md, title: 笔记}}`，或只写 `- /notes/a.md`",
    ),
    "empty-checkin": Entry("this check-in is empty", "这份打卡是空的"),
    "hint.empty-checkin": Entry(
        "a check-in needs at least `date:` and `status:`; `studylog new` writes one",
        "打卡至少需要 `date:` 和 `status:`；`studylog new` 可以生成一份",
    ),
    "checkin-no-date": Entry("this check-in has no `date`", "这份打卡没有 `date`"),
    "hint.checkin-no-date": Entry(
        "add a line `date: YYYY-MM-DD` with the day you studied", "加一行 `date: YYYY-MM-DD`，写学习的那一天"
    ),
    "checkin-no-status": Entry("this check-in has no `status`", "这份打卡没有 `status`"),
    "hint.checkin-no-status": Entry(
        "add a line `status: done` (or in-progress, not-done, ✅ 🔄 ❌, 完成 / 进行中 / 未完成)",
        "加一行 `status: done`（或 in-progress、not-done、✅ 🔄 ❌、完成 / 进行中 / 未完成）",
    ),
    "hint.hours": Entry("hours is a number, e.g. 2 or 1.5", "hours 是一个数字，例如 2 或 1.5"),
    "hours-range": Entry("`hours: {value}` is not between 0 and 24", "`hours: {value}` 不在 0 到 24 之间"),
    "hint.hours-range": Entry("the hours you studied that day, 0 to 24", "当天学习的小时数，0 到 24"),
    "checkin-not-read": Entry(
        "this file is not read: a check-in's file name ends in `.yaml`",
        "这个文件没有被读取：打卡文件名要以 `.yaml` 结尾",
    ),
    "hint.checkin-not-read": Entry("rename it to `{name}`", "把它改名为 `{name}`"),
    "hint.checkin-not-read-txt": Entry(
        'rename it to `{name}` (Windows Notepad adds `.txt`: save with "All files" as the type)',
        "把它改名为 `{name}`（Windows 记事本会自动加上 `.txt`：保存时类型选“所有文件”）",
    ),
    "date-mismatch": Entry(
        "the file is named for {name} but says `date: {date}`", "文件名的日期是 {name}，内容却写着 `date: {date}`"
    ),
    "file-name-not-a-date": Entry(
        "the file name holds `{name}`, which is not a date, but the file says `date: {date}`",
        "文件名里的 `{name}` 不是有效日期，而内容写着 `date: {date}`",
    ),
    "hint.date-mismatch": Entry(
        "rename the file to {date}.yaml or correct the date, so each day has one file",
        "把文件改名为 {date}.yaml，或改正日期，让每天只有一个文件",
    ),
    "hint.id-in-title": Entry(
        "name items by id: `{value}` is in the title of {ids}", "请用 id 指代学习项：`{value}` 出现在 {ids} 的标题里"
    ),
    "unknown-item": Entry("`{value}` is not an item or task in {plan}", "`{value}` 不是 {plan} 里的学习项或任务"),
    "hint.unknown-item": Entry(
        "check-ins name the ids of items or tasks from the plan", "打卡里要写计划中学习项或任务的 id"
    ),
    "item-is-phase": Entry(
        "`{value}` is a phase; a check-in names items or tasks", "`{value}` 是一个阶段；打卡里要写学习项或任务"
    ),
    "hint.item-is-phase": Entry("list the items of that phase you worked on", "列出你在这个阶段里学了的学习项"),
    "item-is-week": Entry(
        "`{value}` is a week; a check-in names items or tasks", "`{value}` 是一周；打卡里要写学习项或任务"
    ),
    "hint.item-is-week": Entry("list the items of that week you worked on", "列出你在这一周里学了的学习项"),
    "before-plan-start": Entry(
        "`date: {date}` is before the plan starts ({start})", "`date: {date}` 早于计划开始日期（{start}）"
    ),
    "hint.before-plan-start": Entry("check the year and month", "检查一下年份和月份"),
    # -- links ----------------------------------------------------------------------------------
    "link-backslash": Entry("`{target}` contains a backslash", "`{target}` 里有反斜杠"),
    "hint.link-backslash": Entry("write paths with `/`, as GitHub does", "路径请用 `/`，和 GitHub 一样"),
    "link-local-file": Entry(
        "`{target}` points at a file on your computer, which nobody on GitHub can open",
        "`{target}` 指向你电脑上的文件，GitHub 上谁也打不开",
    ),
    "hint.link-in-repo": Entry(
        "link to the file's path inside the repository, e.g. `/code/week1/day1/task.py`",
        "请链接到仓库里的路径，例如 `/code/week1/day1/task.py`",
    ),
    "link-scheme": Entry(
        "`{scheme}:` links are not allowed; only http(s) links and paths in the repository",
        "不允许 `{scheme}:` 链接；只能用 http(s) 链接或仓库里的路径",
    ),
    "hint.link-scheme": Entry(
        "use an https:// address or a path such as `/docs/notes.md#heading`",
        "请用 https:// 地址，或 `/docs/notes.md#标题` 这样的路径",
    ),
    "link-no-scheme": Entry("`{target}` has no scheme", "`{target}` 缺少协议"),
    "hint.link-no-scheme": Entry("write it as `https:{target}`", "写成 `https:{target}`"),
    "link-outside": Entry("`{target}` leads outside the repository", "`{target}` 指到了仓库外面"),
    "hint.link-outside": Entry(
        "links must stay inside the repository; `/` is its root", "链接必须留在仓库内；`/` 是仓库根目录"
    ),
    "link-symlink-out": Entry(
        "`{target}` goes through a symbolic link that points outside the repository",
        "`{target}` 经过一个指向仓库外的符号链接",
    ),
    "hint.link-symlink-out": Entry("link to a real file in the repository", "请链接到仓库里真实存在的文件"),
    "link-computer-path": Entry(
        "`{target}` looks like a path on your computer; on GitHub `/` is the repository root",
        "`{target}` 看起来是你电脑上的路径；在 GitHub 上 `/` 是仓库根目录",
    ),
    "link-wrong-case": Entry(
        "`/{path}` is not in the repository, but `/{other}` is: GitHub treats letter case as different",
        "仓库里没有 `/{path}`，但有 `/{other}`：GitHub 区分大小写",
    ),
    "link-untracked": Entry(
        "`/{path}` is on your disk but not committed, so it is missing on GitHub",
        "`/{path}` 在你的磁盘上，但还没有提交，所以 GitHub 上没有它",
    ),
    "hint.link-untracked": Entry("commit it: `{command}`", "提交它：`{command}`"),
    "link-ignored": Entry("`/{path}` is {why}, so it is missing on GitHub", "`/{path}` 是 {why}，所以 GitHub 上没有它"),
    "hint.link-ignored": Entry(
        "remove the rule that ignores it, or link to a committed file", "删掉忽略它的规则，或链接到已提交的文件"
    ),
    "hint.check-path": Entry("check the path", "检查一下路径"),
    "link-missing-file": Entry("`{target}` does not exist in the repository", "仓库里没有 `{target}`"),
    "link-missing-relative": Entry(
        "`{target}` does not exist: a link without a leading `/` starts at the check-in's folder, so it points"
        " to /{path}",
        "找不到 `{target}`：不以 `/` 开头的链接从打卡文件所在的文件夹算起，所以它指向 /{path}",
    ),
    "link-code-fragment": Entry(
        "`#{fragment}`: /{path} has no headings; GitHub shows it as code",
        "`#{fragment}`：/{path} 没有标题；GitHub 把它显示为代码",
    ),
    "hint.link-code-fragment": Entry(
        "a code file's only anchors are lines, like `#L10` or `#L10-L20`",
        "代码文件只能用行号锚点，例如 `#L10` 或 `#L10-L20`",
    ),
    "link-not-range": Entry("`#{fragment}` is not a line range", "`#{fragment}` 不是行号范围"),
    "hint.link-line-form": Entry("write `#L10` or `#L10-L20`", "写成 `#L10` 或 `#L10-L20`"),
    "link-past-end": Entry(
        "`#{fragment}` is past the end of /{path}, which has {n} lines",
        "`#{fragment}` 超出了 /{path} 的末尾（它只有 {n} 行）",
        en_one="`#{fragment}` is past the end of /{path}, which has {n} line",
    ),
    "hint.link-past-end": Entry("update the line numbers to where the code is now", "把行号改成代码现在所在的位置"),
    "link-anchor-case": Entry(
        "`#{fragment}` differs only in letter case from a heading in /{path}",
        "`#{fragment}` 与 /{path} 中的一个标题只差大小写",
    ),
    "hint.link-anchor-case": Entry(
        "GitHub's heading anchors are lower-case: use `#{anchor}`", "GitHub 的标题锚点是小写的：请用 `#{anchor}`"
    ),
    "link-no-headings": Entry("`#{fragment}`: /{path} has no headings", "`#{fragment}`：/{path} 没有标题"),
    "hint.link-no-headings": Entry("link to the file itself", "直接链接到这个文件"),
    "hint.link-anchors": Entry("its anchors are {anchors}", "它的锚点有 {anchors}"),
    "link-not-heading": Entry("`#{fragment}` is not a heading in /{path}", "`#{fragment}` 不是 /{path} 里的标题"),
    "link-not-yet": Entry(
        "{message} (yet): kept as written in {source}", "{message}（暂时）：按 {source} 中的原样保留"
    ),
    "hint.link-not-yet": Entry(
        "commit the file or heading it points at (or correct the link); until then the README marks it "
        "as not in the repository yet",
        "提交它指向的文件或标题（或改正链接）；在此之前，README 会把它标为“尚未在仓库中”",
    ),
    # -- across files ---------------------------------------------------------------------------
    "future-date": Entry(
        "`date: {date}` is after today ({today}, in the plan's timezone)",
        "`date: {date}` 晚于今天（按计划时区是 {today}）",
    ),
    "hint.future-date": Entry(
        "check-ins record days that have happened; check the date", "打卡记录的是已经过去的日子；检查一下日期"
    ),
    "hint.future-date-night": Entry(
        "the plan's day starts at {start} (`day_starts_at`): before then it is still the day before, so"
        " a check-in after midnight belongs to yesterday's date",
        "计划的一天从 {start} 开始（`day_starts_at`）：在那之前还算前一天，所以午夜后的打卡要写前一天的日期",
    ),
    "duplicate-checkin": Entry("{day} already has a check-in: {path}", "{day} 已经有一份打卡：{path}"),
    "hint.duplicate-checkin": Entry("keep one file per day: merge the two", "每天只保留一个文件：把两份合并"),
    "cli.no-such-directory": Entry("{path}: no such directory", "{path}：没有这个文件夹"),
    "cli.not-a-directory": Entry(
        "{path}: not a directory (give the repository folder that holds plan.yaml)",
        "{path}：不是文件夹（请给出包含 plan.yaml 的仓库文件夹）",
    ),
    "cli.no-plan-above": Entry(
        "no {plan} in {path} or the folders above it; start one with `studylog init`, "
        "or give the repository folder, e.g. `studylog validate path/to/repo`",
        "{path} 及其上层文件夹里都没有 {plan}；用 `studylog init` 新建一个，"
        "或给出仓库文件夹，例如 `studylog validate path/to/repo`",
    ),
    # -- YAML ------------------------------------------------------------------------------------
    "file-too-large": Entry(
        "file is {size} bytes; at most {limit} are read", "文件有 {size} 字节；最多只读 {limit} 字节"
    ),
    "hint.file-too-large": Entry(
        "split it up, or move long notes into a Markdown file and link to it",
        "把它拆开，或把长笔记移到一个 Markdown 文件里再链接过去",
    ),
    "not-utf8": Entry("file is not valid UTF-8 (byte {byte})", "文件不是有效的 UTF-8（字节 {byte}）"),
    "hint.not-utf8": Entry(
        "save the file as UTF-8 (most editors: File → Save with Encoding → UTF-8)",
        "把文件另存为 UTF-8 编码（多数编辑器：文件 → 以某种编码保存 → UTF-8）",
    ),
    "control-character": Entry("control character {code} is not allowed in YAML", "YAML 里不允许出现控制字符 {code}"),
    "hint.control-character": Entry(
        "delete it; it often comes along when text is pasted from a terminal",
        "删掉它；它常常是从终端粘贴文本时带进来的",
    ),
    "yaml-error": Entry("YAML error: {error}", "YAML 错误：{error}"),
    "yaml-invalid": Entry("invalid YAML", "无效的 YAML"),
    "yaml-tab": Entry("a tab character", "制表符（Tab）"),
    "hint.yaml-tab": Entry("YAML does not allow tabs for indentation; use spaces", "YAML 不允许用 Tab 缩进；请用空格"),
    "yaml-two-documents": Entry(
        "more than one YAML document (`---`) in one file", "一个文件里有多个 YAML 文档（`---`）"
    ),
    "hint.yaml-two-documents": Entry("keep one document per file", "每个文件只放一个文档"),
    "yaml-context": Entry(
        "{problem} ({context} that started on line {line})", "{problem}（{context}，始于第 {line} 行）"
    ),
    "yaml-unclosed-quote": Entry(
        "a quoted text that started on line {line} never ends", "第 {line} 行开始的引号文本没有结束"
    ),
    "hint.yaml-unclosed-quote": Entry(
        "the quote opened on line {line} is never closed", "第 {line} 行打开的引号没有闭合"
    ),
    "yaml-syntax": Entry("YAML syntax error: {problem}", "YAML 语法错误：{problem}"),
    "yaml-too-complex": Entry(
        "anchors and aliases expand to more than {limit} values (or refer to themselves)",
        "锚点和别名展开后超过 {limit} 个值（或引用了自身）",
    ),
    "hint.yaml-too-complex": Entry(
        "write the values out instead of using `&anchor` / `*alias`", "把值直接写出来，不要用 `&锚点` / `*别名`"
    ),
    # -- slips -----------------------------------------------------------------------------------
    "full-width-colon": Entry(
        "a full-width colon `{char}` where YAML needs `:` followed by a space",
        "这里是中文全角冒号 `{char}`，YAML 需要英文冒号 `:` 加一个空格",
    ),
    "full-width-space": Entry(
        "a full-width space where YAML needs an ordinary space", "这里是全角空格，YAML 需要普通的半角空格"
    ),
    "full-width-comma": Entry(
        "a full-width comma `{char}` where YAML needs `,` between list entries",
        "这里是中文逗号 `{char}`，YAML 的列表项之间要用英文逗号 `,`",
    ),
    "full-width-quote": Entry(
        "a full-width quote `{char}` does not quote text in YAML", "中文引号 `{char}` 在 YAML 里不起引号的作用"
    ),
    "hint.rewrite-line": Entry("write the line as: `{line}`", "把这一行改成：`{line}`"),
    "markdown-link": Entry(
        "a Markdown link `[title](url)` in `links:` is not YAML", "`links:` 里的 Markdown 链接 `[标题](地址)` 不是 YAML"
    ),
    "colon-in-text": Entry(
        "the text of `{key}` holds `: ` (a colon and a space), which YAML reads as the start of a new key",
        "`{key}` 的文本里有 `: `（冒号加空格），YAML 会把它当作新键的开始",
    ),
    "indent-less": Entry(
        "`{key}:` is indented {n} spaces less than `{sibling}:` on line {line}",
        "`{key}:` 比第 {line} 行的 `{sibling}:` 少缩进了 {n} 个空格",
        en_one="`{key}:` is indented {n} space less than `{sibling}:` on line {line}",
    ),
    "indent-more": Entry(
        "`{key}:` is indented {n} spaces more than `{sibling}:` on line {line}",
        "`{key}:` 比第 {line} 行的 `{sibling}:` 多缩进了 {n} 个空格",
        en_one="`{key}:` is indented {n} space more than `{sibling}:` on line {line}",
    ),
    "hint.indent": Entry(
        "start it at column {column}, exactly under `{sibling}:`; in YAML, keys of one entry line up",
        "让它从第 {column} 列开始，与 `{sibling}:` 对齐；YAML 里同一条目的键必须对齐",
    ),
    "hint.full-width-key": Entry(
        "it holds full-width punctuation from the input method; write it with ASCII `:`, spaces and commas: `{fixed}`",
        "这里有输入法打出的全角符号；请改用半角的 `:`、空格和逗号：`{fixed}`",
    ),
    # -- diagnostics formats ---------------------------------------------------------------------
    "severity.error": Entry("error", "错误"),
    "severity.warning": Entry("warning", "警告"),
    "hint": Entry("hint", "提示"),
    "hint.line": Entry("  hint: {hint}", "  提示：{hint}"),
    # -- command output --------------------------------------------------------------------------
    "cli.error": Entry("studylog: error: {error}", "studylog：错误：{error}"),
    "cli.interrupted": Entry("studylog: interrupted", "studylog：已中断"),
    "cli.bad-lang": Entry("--lang {lang}: use en or zh-CN", "--lang {lang}：请用 en 或 zh-CN"),
    "cli.n-errors": Entry("{n} errors", "{n} 个错误", en_one="{n} error"),
    "cli.n-warnings": Entry("{n} warnings", "{n} 个警告", en_one="{n} warning"),
    "cli.n-files": Entry("{n} files", "{n} 个文件", en_one="{n} file"),
    "cli.n-checkins": Entry("{n} check-ins", "{n} 份打卡", en_one="{n} check-in"),
    "cli.validate-failed": Entry("✗ {errors}, {warnings} in {files}", "✗ {files}中有 {errors}、{warnings}"),
    "cli.validate-ok": Entry("✓ plan.yaml and {checkins} are valid", "✓ plan.yaml 和 {checkins}均无问题"),
    "cli.with-warnings": Entry(" ({warnings})", "（{warnings}）"),
    "cli.build-errors": Entry(
        "✗ {errors}: nothing was written; fix them first (see above)", "✗ {errors}：什么都没有写入；请先改正（见上方）"
    ),
    # -- `studylog status` -----------------------------------------------------------------------
    "status.as-of": Entry("as of {date}", "截至 {date}"),
    "status.list-sep": Entry("; ", "；"),
    "status.planned": Entry("{title} ({id})", "{title}（{id}）"),
    "status.rest-day": Entry("rest day", "休息日"),
    "status.nothing-planned": Entry("nothing planned", "今天没有安排"),
    "status.checked-in": Entry("✅ checked in", "✅ 已打卡"),
    "status.not-checked-in": Entry("not checked in yet", "还没有打卡"),
    "status.ahead": Entry("{n} days ahead", "提前 {n} 天", en_one="{n} day ahead"),
    "status.behind": Entry("{n} days behind", "落后 {n} 天", en_one="{n} day behind"),
    "status.on-schedule": Entry("on schedule", "按计划进行"),
    "status.no-forecast": Entry("no forecast yet (no progress in the last 14 days)", "暂无预测（最近 14 天没有进展）"),
    "status.range": Entry(" (range {low} … {high})", "（范围 {low} … {high}）"),
    "status.hours-of": Entry("{hours} of {target} planned", "{hours} 小时，计划 {target} 小时"),
    "status.hours": Entry("{hours}", "{hours} 小时"),
    "status.today": Entry("today", "今天"),
    "status.today-line": Entry("{today} — {checked}", "{today} —— {checked}"),
    "status.progress": Entry("progress", "总进度"),
    "status.progress-line": Entry(
        "{bar} {percent}% (plan expects {expected}%)", "{bar} {percent}%（计划应达 {expected}%）"
    ),
    "status.schedule": Entry("schedule", "进度对比"),
    "status.schedule-line": Entry("{schedule}; forecast finish {forecast}", "{schedule}；预计完成 {forecast}"),
    "status.streak": Entry("streak", "连续打卡"),
    "status.streak-line": Entry(
        "{n} days (longest {longest}, never missed twice for {twice}, habit strength {strength}%)",
        "{n} 天（最长 {longest} 天；连续 {twice} 天未曾连缺两天；习惯强度 {strength}%）",
        en_one="{n} day (longest {longest}, never missed twice for {twice}, habit strength {strength}%)",
    ),
    "status.strict-streak": Entry(
        "strict streak {n} days (back-fills do not extend it; {backfills} back-fills so far)",
        "严格连续 {n} 天（补卡不延长它；至今补卡 {backfills} 次）",
        en_one="strict streak {n} day (back-fills do not extend it; {backfills} back-fills so far)",
    ),
    "status.review": Entry("review", "避坑复习"),
    "status.review-line": Entry(
        "{n} problems due: {ids} — `studylog review`",
        "{n} 个问题到期：{ids} —— `studylog review`",
        en_one="{n} problem due: {ids} — `studylog review`",
    ),
    "status.backfill": Entry("back-fill", "补卡"),
    "status.backfill-line": Entry(
        "{date} ({path}) was committed after its day", "{date}（{path}）是在当天结束之后提交的"
    ),
    "status.hours-recorded": Entry(
        " ({n} of {total} check-ins recorded hours)",
        "（{total} 次打卡中 {n} 次记录了时长）",
        en_one=" ({n} of {total} check-ins recorded hours)",
    ),
    "status.hours-not-recorded": Entry("not recorded", "未记录"),
    "status.forecast-basis": Entry(" — {basis}; plan ends {end}", " —— {basis}；计划结束于 {end}"),
    "status.items-counts-note": Entry(
        " (counts; percentages above are weighted shares)", "（这是个数；上面的百分比是加权完成度）"
    ),
    "basis.pace": Entry(
        "at the pace of the last {n} days ({pace}% of the plan's pace)",
        "按最近 {n} 天的速度（计划速度的 {pace}%）",
        en_one="at the pace of the last {n} day ({pace}% of the plan's pace)",
    ),
    "unit.items": Entry("items", "项"),
    "unit.tasks": Entry("tasks", "任务"),
    "basis.plan": Entry("no day has passed yet: at the plan's own pace", "还没有过完的一天：按计划自身的速度"),
    "basis.finished": Entry("everything is done", "全部完成"),
    "basis.none": Entry(
        "no progress in the last {n} days", "最近 {n} 天没有进展", en_one="no progress in the last {n} day"
    ),
    "status.hours-label": Entry("hours", "学习时长"),
    "status.items": Entry("items", "学习项"),
    "status.items-line": Entry(
        "{done} done, {doing} in progress, {todo} not started", "已完成 {done}，进行中 {doing}，未开始 {todo}"
    ),
    "status.milestone": Entry("milestone", "里程碑"),
    "status.milestone-line": Entry(
        "{id} {title}: {percent}% ({done}/{total} {unit}), due {due}, {state}",
        "{id} {title}：{percent}%（{done}/{total} {unit}），截止 {due}，{state}",
    ),
    "status.milestone-met": Entry("met", "已达成"),
    "status.milestone-on_track": Entry("on track", "进展正常"),
    "status.milestone-at_risk": Entry("at risk", "有风险"),
    "status.milestone-missed": Entry("missed", "已错过"),
    "status.has-errors": Entry(
        "{errors}: fix them (see `studylog validate`) to see progress",
        "{errors}：请先改正（见 `studylog validate`）再查看进度",
    ),
    # -- job summary ---------------------------------------------------------------------------
    "summary.no-problems": Entry("✅ No problems found.", "✅ 没有发现问题。"),
    "summary.counts": Entry("{errors}, {warnings}", "{errors}，{warnings}"),
    "summary.table-head": Entry("| file | line | code | message |", "| 文件 | 行 | 代码 | 说明 |"),
    "summary.more": Entry("{n} more, see the job log", "还有 {n} 个，见任务日志"),
    "summary.excerpts": Entry("Each problem with its source line", "每个问题及其所在的源代码行"),
    "summary.progress": Entry("Progress", "进度"),
    # -- --help --------------------------------------------------------------------------------
    "help.path": Entry(
        "the repository folder that holds plan.yaml (default: .)",
        "包含 plan.yaml 的仓库文件夹（默认：.）",
    ),
    "help.today": Entry(
        "the as-of date (default: today in the plan's timezone)",
        "统计截至的日期（默认：按计划时区的今天）",
    ),
    "help.description": Entry(
        "Track a study plan with one YAML check-in a day; validate, compute progress, and render the README dashboard.",
        "每天提交一份 YAML 打卡，跟踪学习计划：校验、计算进度、生成 README 仪表盘。",
    ),
    "help.lang": Entry(
        "language of every message: en or zh-CN (default: $STUDYLOG_LANG, the plan's locale, $LANG, en)",
        "所有消息的语言：en 或 zh-CN（默认依次取 $STUDYLOG_LANG、计划的 locale、$LANG，最后是 en）",
    ),
    "help.debug": Entry(
        "on an unexpected error, print the full traceback (for a bug report)",
        "遇到意外错误时打印完整的调用栈（用于报告 bug）",
    ),
    "help.cmd.validate": Entry(
        "check plan.yaml and every check-in; exit 1 on problems",
        "检查 plan.yaml 和每一份打卡；有问题时退出码为 1",
    ),
    "help.cmd.validate.description": Entry(
        "Check plan.yaml and every file under checkins/ and report each problem with its file, line and column.",
        "检查 plan.yaml 和 checkins/ 下的每个文件，逐条报告问题及其文件、行号和列号。",
    ),
    "help.validate.format": Entry(
        "output format (default: github when GITHUB_ACTIONS=true, else text)",
        "输出格式（默认：GITHUB_ACTIONS=true 时为 github，否则为 text）",
    ),
    "help.validate.external": Entry(
        "also check http(s) links over the network (off by default)",
        "同时通过网络检查 http(s) 链接（默认关闭）",
    ),
    "help.validate.ignore": Entry(
        "with --external: skip URLs matching this glob, e.g. 'https://example.com/*' (repeatable)",
        "配合 --external：跳过匹配此通配符的网址，例如 'https://example.com/*'（可重复）",
    ),
    "help.validate.link-budget": Entry(
        "with --external: stop checking after this long; the rest are warnings (default: 120)",
        "配合 --external：检查超过这么久就停止，其余的记为警告（默认：120）",
    ),
    "help.validate.link-cache": Entry(
        "with --external: where passing URLs are remembered for 7 days (default: "
        "~/.cache/studylog/links.json; 'none' to disable)",
        "配合 --external：记住通过检查的网址 7 天的位置（默认：~/.cache/studylog/links.json；写 'none' 关闭）",
    ),
    "help.validate.summary": Entry(
        'also append a Markdown summary (problems and progress) to FILE, e.g. "$GITHUB_STEP_SUMMARY"',
        '同时把 Markdown 摘要（问题和进度）追加到 FILE，例如 "$GITHUB_STEP_SUMMARY"',
    ),
    "help.cmd.status": Entry(
        "progress, schedule, streak and today's task",
        "进度、进度对比、连续打卡和今天的任务",
    ),
    "help.cmd.status.description": Entry(
        "Compute progress as of a date: today's task, streak, progress per phase, days ahead or behind, "
        "forecast finish, hours and milestones.",
        "计算截至某日的进度：今天的任务、连续打卡、各阶段进度、提前或落后的天数、预计完成日期、学习时长和里程碑。",
    ),
    "help.status.format": Entry(
        "output format (default: text)",
        "输出格式（默认：text）",
    ),
    "help.cmd.build": Entry(
        "validate, then regenerate the README dashboard, charts and reports/",
        "先校验，再重新生成 README 仪表盘、图表和 reports/",
    ),
    "help.cmd.build.description": Entry(
        "Validate everything (links too); if there are no errors, compute progress and write the README "
        "section between the studylog markers, charts, weekly and phase reviews, the problem log and "
        "reports/index.html. Only changed files are written.",
        "校验全部内容（包括链接）；没有错误时计算进度，写入 studylog 标记之间的 README 段落、图表、周复盘和阶段"
        "验收、避坑记录以及 reports/index.html。只写入有变化的文件。",
    ),
    "help.build.check": Entry(
        "write nothing; exit 1 if the committed outputs differ from a rebuild for their recorded as-of date",
        "什么都不写；如果已提交的输出与按其记录日期重新生成的结果不同，退出码为 1",
    ),
    "help.cmd.export": Entry(
        "the whole journey as one PDF (needs Chromium)",
        "把整个学习历程导出为一个 PDF（需要 Chromium）",
    ),
    "help.cmd.export.description": Entry(
        "Write one PDF with the charts, the summary table, the journal, weekly and phase reviews and the "
        "problem log, printed by headless Chromium so Chinese text renders with the system's fonts.",
        "用无头 Chromium 打印一个 PDF，包含图表、打卡汇总表、打卡日志、周复盘和阶段验收以及避坑记录，中文用系统"
        "字体渲染。",
    ),
    "help.export.pdf": Entry(
        "write a PDF (the only format)",
        "写出 PDF（唯一的格式）",
    ),
    "help.export.output": Entry(
        "where to write it (default: exports/journey-AS_OF.pdf, outside the committed reports/)",
        "写到哪里（默认：exports/journey-截至日期.pdf，不在提交的 reports/ 里）",
    ),
    "help.cmd.publish": Entry(
        "build, commit the generated files as github-actions[bot] and push; retry on a race",
        "生成后以 github-actions[bot] 身份提交生成的文件并推送；遇到竞争时重试",
    ),
    "help.cmd.publish.description": Entry(
        "Build, commit only README.md and reports/ as github-actions[bot], and push to the branch's remote. "
        "When the push is rejected because someone pushed first, take the remote branch, rebuild on it and "
        "try again, with backoff.",
        "生成输出，以 github-actions[bot] 身份只提交 README.md 和 reports/，并推送到分支的远程仓库。如果因为别"
        "人先推送而被拒绝，就取回远程分支，在其上重新生成再试，每次间隔加倍。",
    ),
    "help.publish.remote": Entry(
        "the git remote to push to (default: origin)",
        "推送到的 git 远程仓库（默认：origin）",
    ),
    "help.publish.branch": Entry(
        "the branch to publish (default: the current one)",
        "要发布的分支（默认：当前分支）",
    ),
    "help.publish.via-branch": Entry(
        "for a protected branch: push to NAME instead and open a pull request (needs GITHUB_TOKEN)",
        "用于受保护的分支：改为推送到 NAME 并开一个拉取请求（需要 GITHUB_TOKEN）",
    ),
    "help.publish.attempts": Entry(
        "pushes to try before giving up (default: 5)",
        "放弃前尝试推送的次数（默认：5）",
    ),
    "help.publish.backoff": Entry(
        "wait before a retry; doubles each time (default: 1)",
        "重试前等待的秒数；每次加倍（默认：1）",
    ),
    "help.publish.dry-run": Entry(
        "build and list what would be committed; no commit or push",
        "生成并列出将要提交的文件；不提交也不推送",
    ),
    "help.cmd.remind": Entry(
        "open or update a reminder issue when today's check-in is missing; close it when it arrives",
        "今天缺少打卡时创建或更新一个提醒 issue；打卡后关闭它",
    ),
    "help.cmd.remind.description": Entry(
        "With GITHUB_TOKEN and GITHUB_REPOSITORY set (as in GitHub Actions): when today (in the plan's "
        "timezone) is a planned day without a check-in, open or update one reminder issue with today's task "
        "and the streak at stake; when the check-in is there, close it.",
        "在设置了 GITHUB_TOKEN 和 GITHUB_REPOSITORY 时（如在 GitHub Actions 中）：如果今天（按计划时区）是计划"
        "学习日却还没有打卡，就创建或更新一个提醒 issu"
        "e，写明今天的任务和面临中断的连续打卡；打卡后关闭它。",
    ),
    "help.remind.close-only": Entry(
        "only close the reminder if today is checked in",
        "只在今天已打卡时关闭提醒",
    ),
    "help.remind.dry-run": Entry(
        "print what would happen; change nothing",
        "打印将要做的事；不做任何改动",
    ),
    "help.cmd.bot": Entry(
        "GitHub actions of the studylog bot",
        "studylog 机器人在 GitHub 上的操作",
    ),
    "help.cmd.bot.description": Entry(
        "GitHub actions of the bot.",
        "机器人在 GitHub 上的操作。",
    ),
    "help.cmd.comment": Entry(
        "upsert the pull-request comment: problems found and the progress the PR brings",
        "更新或创建拉取请求评论：发现的问题和该拉取请求带来的进度",
    ),
    "help.cmd.comment.description": Entry(
        "Create or update one comment on the pull request (found by a hidden marker) with the problems found "
        "and the progress the pull request would bring, before → after.",
        "在拉取请求上创建或更新一条评论（通过隐藏标记找到），写明发现的问题以及该拉取请求带来的进度变化（之前 →"
        " 之后）。",
    ),
    "help.comment.pr": Entry(
        "the pull request number",
        "拉取请求编号",
    ),
    "help.comment.base": Entry(
        "the base to compare with (default: origin/$GITHUB_BASE_REF)",
        "用来比较的基准（默认：origin/$GITHUB_BASE_REF）",
    ),
    "help.comment.dry-run": Entry(
        "print the comment; post nothing",
        "打印评论；不发布",
    ),
    "help.cmd.init": Entry(
        "set up a repository (or finish one): plan, checkins/, README markers, workflows, .gitignore",
        "初始化（或补全）仓库：计划、checkins/、README 标记、工作流和 .gitignore",
    ),
    "help.cmd.init.description": Entry(
        "Set up a study repository: plan.yaml from a built-in curriculum starting today in your timezone, "
        "checkins/, schemas for editors, README markers (appended; existing text untouched), .gitignore, "
        ".github/workflows/studylog.yml and studylog-evening.yml, and `git init` outside a repository. Where a "
        "plan exists, only what is missing is added; --force starts a new plan and keeps the old one beside it.",
        "初始化学习仓库：从内置课程生成从今天（你的时区）开始的 plan.yaml，创建 checkins/、编辑器用的 schema、"
        "README 标记（追加在末尾，已有文字不动）、.gitignore、.github/workflows/studylog.yml 和 "
        "studylog-evening.yml；不在仓库里时先 `git init`。已有计划时只补上缺少的部分；"
        "--force 新建计划，旧计划保留在旁边。",
    ),
    "help.init.template": Entry(
        "the curriculum: the 12-week LLM plan, Stanford CS336, or a blank skeleton (default: llm-12-weeks)",
        "课程模板：12 周大模型计划、Stanford CS336 或空白骨架（默认：llm-12-weeks）",
    ),
    "help.init.start": Entry(
        "the plan's first day, every date moves with it (default: today)",
        "计划的第一天，所有日期随之移动（默认：今天）",
    ),
    "help.init.timezone": Entry(
        "your IANA timezone, e.g. Europe/Berlin (default: the machine's: TZ, /etc/localtime)",
        "你的 IANA 时区，例如 Asia/Shanghai（默认：本机的 TZ 或 /etc/localtime）",
    ),
    "help.init.action": Entry(
        "the studylog action the workflows use (default: from the installed package's metadata)",
        "工作流使用的 studylog action（默认：取自已安装包的元数据）",
    ),
    "help.init.force": Entry(
        "start a new plan even though one exists (the old one is kept as plan.yaml.N.bak)",
        "即使已有计划也新建一个（旧计划保留为 plan.yaml.N.bak）",
    ),
    "help.cmd.new": Entry(
        "write today's check-in, pre-filled from the plan",
        "写出今天的打卡文件，按计划预先填好",
    ),
    "help.cmd.new.description": Entry(
        "Write the check-in for today (in the plan's timezone) or --date at checkins/YYYY/YYYY-MM-DD.yaml, "
        "pre-filled with the plan's items, status and hours. Never overwrites.",
        "在 checkins/YYYY/YYYY-MM-DD.yaml 写出今天（按计划时区）或 --date 那天的打卡，预先填好计划中的学习项、"
        "状态和时长。绝不覆盖已有文件。",
    ),
    "help.new.date": Entry(
        "the day (default: today in the plan's timezone)",
        "哪一天（默认：按计划时区的今天）",
    ),
    "help.new.edit": Entry(
        "open the file in $VISUAL or $EDITOR, then check it",
        "用 $VISUAL 或 $EDITOR 打开文件，关闭后检查它",
    ),
    "help.cmd.import": Entry(
        "turn a hand-kept Markdown tracker into plan.yaml and check-ins",
        "把手写的 Markdown 进度表转换成 plan.yaml 和打卡文件",
    ),
    "help.cmd.import.description": Entry(
        "Read a Markdown tracker — a summary table (周次, 日期, 完成状态, 核心任务, …), a 打卡 table "
        "with 周 and 天 columns, a phase/week/lecture tracker, a #100DaysOfCode log or a `- [x]` task-list plan — "
        "check the result, and write plan.yaml and one check-in per day. Reports everything it could not map.",
        "读取 Markdown 进度表（汇总表：周次、日期、完成状态、核心任务……；带“周”和“天”列的打卡表；阶段/周/课程进度表；"
        "#100DaysOfCode 日志；或 `- [x]` 任务清单式计划），检查结果，写出 plan.yaml 和每天一份打卡。"
        "无法对应的内容都会报告出来。",
    ),
    "help.importer.file": Entry(
        "the tracker to read",
        "要读取的进度表",
    ),
    "help.importer.start": Entry(
        "the plan's first day; resolves dates like 2026-01-XX",
        "计划的第一天；用来确定 2026-01-XX 这样的日期",
    ),
    "help.importer.timezone": Entry(
        "the plan's IANA timezone (default: Asia/Shanghai)",
        "计划的 IANA 时区（默认：Asia/Shanghai）",
    ),
    "help.importer.dry-run": Entry("show what would be written; write nothing", "显示将要写出的内容；不写任何文件"),
    "help.importer.force": Entry(
        "replace existing plan.yaml and check-ins (the old ones are backed up)",
        "替换已有的 plan.yaml 和打卡文件（旧文件会备份）",
    ),
    "cli.not-a-date": Entry("{value!r} is not a date like 2026-01-18", "{value!r} 不是 2026-01-18 这样的日期"),
    "cli.date-out-of-range": Entry(
        "{value} is outside the years studylog works with ({first}–{last})",
        "{value} 超出了 studylog 支持的年份范围（{first}–{last}）",
    ),
    "cli.created": Entry("  created {path}", "  已创建 {path}"),
    "help.init.locale": Entry(
        "the dashboard's language (default: from LANG: zh-CN for zh_*, else en)",
        "仪表盘的语言（默认取自 LANG：zh_* 为 zh-CN，否则 en）",
    ),
    "help.init.hours": Entry(
        "hours you plan a day (default: the template's)",
        "每天计划的小时数（默认：模板中的）",
    ),
    "help.publish.if-figures-changed": Entry(
        "for the evening run: publish only when a figure changed since the last build, not only the date",
        "用于晚间运行：只有数字（而不只是日期）自上次构建后有变化时才发布",
    ),
    "cli.note": Entry(
        "  note: {note}",
        "  注意：{note}",
    ),
    "cli.setup-done": Entry(
        "✓ set up: `studylog build`, then commit",
        "✓ 已设置好：运行 `studylog build`，然后提交",
    ),
    "cli.publish-skipped": Entry(
        "✓ nothing to publish: {reason}; {ref} stays as it is",
        "✓ 没有要发布的内容：{reason}；{ref} 保持不变",
    ),
    "cli.kept": Entry("  kept    {path} (already there)", "  已保留 {path}（已存在）"),
    "cli.init-ready": Entry(
        "✓ ready: check in with `studylog new`, then `studylog build`; `studylog doctor` checks the setup",
        "✓ 准备就绪：用 `studylog new` 打卡，再运行 `studylog build`；`studylog doctor` 可检查配置",
    ),
    "cli.new-wrote": Entry("✓ wrote {path} — {day}: {planned}", "✓ 已写出 {path} —— {day}：{planned}"),
    "cli.new-valid": Entry("✓ {path} is valid", "✓ {path} 没有问题"),
    "cli.import-valid": Entry(
        "✓ the imported files are valid: run `studylog status` and `studylog build`",
        "✓ 导入的文件没有问题：运行 `studylog status` 和 `studylog build`",
    ),
    "cli.nothing": Entry(" nothing", "无"),
    "cli.publish-dry-run": Entry(
        "dry run: would commit and push to {ref}:{files}", "演练：将提交并推送到 {ref}：{files}"
    ),
    "cli.publish-nothing": Entry("✓ nothing new to publish; {ref} is current", "✓ 没有新内容要发布；{ref} 已是最新"),
    "cli.published": Entry(
        "✓ published {commit} to {ref} ({files}, attempt {attempt})",
        "✓ 已发布 {commit} 到 {ref}（{files}，第 {attempt} 次尝试）",
    ),
    "cli.export-wrote": Entry("✓ wrote {path} (as of {as_of})", "✓ 已写出 {path}（截至 {as_of}）"),
    "cli.stale-differs": Entry("  {path}: differs from a rebuild", "  {path}：与重新生成的结果不同"),
    "cli.stale-leftover": Entry("  {path}: generated but no longer produced", "  {path}：以前生成过，现在不再生成"),
    "cli.stale-newer": Entry(
        "  {path}: dated after the recorded as-of date {as_of}", "  {path}：日期晚于记录的截至日期 {as_of}"
    ),
    "cli.stale": Entry(
        "✗ outputs are stale (as of {as_of}); run `studylog build` and commit:",
        "✗ 输出已过期（截至 {as_of}）；请运行 `studylog build` 并提交：",
    ),
    "cli.up-to-date": Entry("✓ outputs are up to date (as of {as_of})", "✓ 输出是最新的（截至 {as_of}）"),
    "cli.built": Entry(
        "✓ built as of {as_of}: {written} written, {removed} removed, {unchanged} unchanged",
        "✓ 已生成（截至 {as_of}）：写入 {written} 个，删除 {removed} 个，未变 {unchanged} 个",
    ),
    "cli.nothing-to-commit": Entry(" — nothing to commit", " —— 没有需要提交的内容"),
    "cli.wrote": Entry("  wrote {path}", "  已写入 {path}"),
    "cli.removed": Entry("  removed {path}", "  已删除 {path}"),
    "cli.section-edited": Entry(
        "  note: text typed between README.md's studylog markers was written over: that part is rebuilt"
        " every time, so write your own text above or below the markers (the old text is in git's history"
        " if it was committed)",
        "  注意：README.md 两个 studylog 标记之间手写的内容已被覆盖：这一部分每次都会重新生成，你自己的文字"
        "请写在标记的上方或下方（如果那段文字提交过，可以在 git 历史里找回）",
    ),
    "cli.conflicts-resolved": Entry(
        "  resolved git's merge conflicts in {n} generated files ({paths}): `git add` them, then commit the merge "
        "(or `git rebase --continue`)",
        "  已解决 {n} 个生成文件里 git 的合并冲突（{paths}）："
        "请 `git add` 它们，再提交这次合并（或 `git rebase --continue`）",
        en_one="  resolved git's merge conflicts in {n} generated file ({paths}): `git add` it, then commit the merge "
        "(or `git rebase --continue`)",
    ),
    "cli.kept-notes": Entry(
        "  kept {path}: no longer generated, but it holds your notes (move them where you want, then delete it)",
        "  已保留 {path}：它已不再生成，但里面有你写的复盘（把它们移到你想放的地方后再删除）",
    ),
    "cli.kept-unowned": Entry(
        "  kept {path} (the manifest was unreadable: yours or an old build? check and delete)",
        "  已保留 {path}（清单无法读取：是你的文件还是旧的构建产物？请检查后删除）",
    ),
    "cli.bug": Entry(
        "studylog: internal error ({error}).\nThis is a bug in studylog {version}; please report it at {url} "
        "with the command you ran",
        "studylog：内部错误（{error}）。\n这是 studylog {version} 的 bug；请到 {url} 报告，附上你运行的命令",
    ),
    "cli.bug-end": Entry(".", "。"),
    "cli.bug-end-debug": Entry(
        " and the output of the same command with --debug.", "，以及加上 --debug 后同一命令的输出。"
    ),
    "help.usage": Entry("usage: ", "用法："),
    "help.positionals": Entry("positional arguments", "位置参数"),
    "help.options": Entry("options", "选项"),
    "help.help": Entry("show this help message and exit", "显示本帮助并退出"),
    "help.version": Entry("show the version and exit", "显示版本号并退出"),
    # -- web links, README, build, export, init, new --------------------------------------------
    "web-unchecked": Entry("`{url}` could not be checked", "`{url}` 无法检查"),
    "web-budget": Entry("`{url}` was not checked: the time budget ran out", "`{url}` 未检查：时间预算已用完"),
    "web-gone": Entry("`{url}` is gone ({status})", "`{url}` 已不存在（{status}）"),
    "hint.web-gone": Entry(
        "find where the page moved, or link to an archived copy", "找到页面搬去的新地址，或链接到存档副本"
    ),
    "web-rate-limited": Entry("`{url}` is rate-limited (429); not verified", "`{url}` 被限流（429）；未能验证"),
    "web-answered": Entry("`{url}` answered {status}; not verified", "`{url}` 返回 {status}；未能验证"),
    "web-refused": Entry("`{url}` refused the check ({status})", "`{url}` 拒绝了检查（{status}）"),
    "web-no-host": Entry("`{url}`: the host {host} does not exist", "`{url}`：主机 {host} 不存在"),
    "hint.web-no-host": Entry("check the address for typos", "检查地址有没有拼写错误"),
    "web-timed-out": Entry("timed out", "超时"),
    "web-failed": Entry("`{url}` {reason}; not verified", "`{url}` {reason}；未能验证"),
    "readme-how-to": Entry(
        "put these two lines where the dashboard should go, each on a line of its own:\n    {start}\n    {end}\n"
        "  (or run `studylog init`, which adds them without touching the rest)",
        "把下面两行放在仪表盘该出现的位置，各占一行：\n    {start}\n    {end}\n"
        "  （或运行 `studylog init`，它会加上这两行且不改动其他内容）",
    ),
    "readme-no-markers": Entry(
        "README.md has no studylog markers; {how_to}", "README.md 里没有 studylog 标记；{how_to}"
    ),
    "readme-conflict": Entry(
        "README.md has an unresolved merge conflict (line {line}); `studylog build` resolves one that lies "
        "only inside the studylog section, else keep the lines you want and delete git's <<<<<<< ======= >>>>>>> lines",
        "README.md 里有没解决的合并冲突（第 {line} 行）；只在 studylog 段落里的冲突 `studylog build` 会自己解决，"
        "否则请保留你要的行，删掉 git 加的 <<<<<<< ======= >>>>>>> 行",
    ),
    "readme-conflict-outside": Entry(
        "README.md has an unresolved merge conflict (line {line}) that reaches your own text outside the studylog "
        "section: keep the lines you want, delete git's <<<<<<< ======= >>>>>>> lines, then build again "
        "(conflicts inside the section are resolved by the build)",
        "README.md 里的合并冲突（第 {line} 行）涉及 studylog 段落之外你自己写的内容：请保留你要的行，"
        "删掉 git 加的 <<<<<<< ======= >>>>>>> 行，再运行 build（段落里的冲突 build 会自己解决）",
    ),
    "readme-conflict-broken": Entry(
        "README.md has merge-conflict lines that do not pair up (line {line}): keep the lines you want and delete "
        "git's <<<<<<< ======= >>>>>>> lines",
        "README.md 里的合并冲突标记没有成对出现（第 {line} 行）："
        "请保留你要的行，删掉 git 加的 <<<<<<< ======= >>>>>>> 行",
    ),
    "readme-marker-repeated": Entry(
        "README.md has `{marker}` more than once (lines {lines}); keep exactly one",
        "README.md 里 `{marker}` 出现了不止一次（第 {lines} 行）；只保留一个",
    ),
    "readme-marker-near-miss": Entry(
        "README.md line {line} is `{written}`, not the marker: write it exactly `{marker}`",
        "README.md 第 {line} 行是 `{written}`，不是标记：请一字不差地写成 `{marker}`",
    ),
    "readme-one-marker": Entry(
        "README.md has only one marker, `{found}` (line {line}): add `{marker}` on a line of its own {where}",
        "README.md 只有一个标记 `{found}`（第 {line} 行）：请在{where}单独一行写上 `{marker}`",
    ),
    "readme-one-marker.below": Entry("below it, where the dashboard should end", "它下方、仪表盘结束的地方"),
    "readme-one-marker.above": Entry("above it, where the dashboard should start", "它上方、仪表盘开始的地方"),
    "readme-marker-order": Entry(
        "README.md's markers are in the wrong order: `{end}` (line {end_line}) comes before `{start}` "
        "(line {start_line}); swap them",
        "README.md 的标记顺序反了：`{end}`（第 {end_line} 行）在 `{start}`（第 {start_line} 行）之前；请交换它们",
    ),
    "build-notes-not-utf8": Entry(
        "{path}: your notes between the studylog:notes markers are not UTF-8 text (byte {byte} of the block); "
        "save the file as UTF-8 — studylog will not rewrite them garbled",
        "{path}：studylog:notes 标记之间你写的内容不是 UTF-8 文本（这一段的第 {byte} 字节）；"
        "请把文件存成 UTF-8——studylog 不会把它们改写成乱码",
    ),
    "build-readme-not-utf8": Entry(
        "{path} is not UTF-8 text (byte {byte}); studylog will not rewrite it",
        "{path} 不是 UTF-8 文本（第 {byte} 字节）；studylog 不会改写它",
    ),
    "build-unsafe": Entry("{error}; nothing was written", "{error}；什么都没有写入"),
    "build-not-generated": Entry(
        "{path}: exists but was not generated by studylog", "{path}：已存在但不是 studylog 生成的"
    ),
    "build-edited": Entry("{path}: was edited after studylog wrote it", "{path}：在 studylog 写入后被改过"),
    "build-yours": Entry(
        "{paths}. Nothing was written: these are yours now, and studylog does not overwrite them. Move or "
        "rename them (or keep your words between a review's studylog:notes markers), then build again",
        "{paths}。什么都没有写入：这些现在是你的文件，studylog 不会覆盖它们。请移走或改名"
        "（或把你的文字放在复盘的 studylog:notes 标记之间），然后再构建",
    ),
    "build-no-manifest": Entry(
        "{path} is missing or unreadable: run `studylog build` and commit its output",
        "{path} 不存在或无法读取：请运行 `studylog build` 并提交它的输出",
    ),
    "export-no-browser": Entry(
        "exporting a PDF needs Chromium or Chrome, and none is installed; install it "
        "(Debian/Ubuntu: `sudo apt-get install chromium`) or set STUDYLOG_CHROMIUM to its path",
        "导出 PDF 需要 Chromium 或 Chrome，但都没有安装；请安装"
        "（Debian/Ubuntu：`sudo apt-get install chromium`），或把 STUDYLOG_CHROMIUM 设为它的路径",
    ),
    "export-no-cjk-font": Entry(
        "no font on this machine can draw Chinese, so the PDF would show empty boxes; install one "
        "(Debian/Ubuntu: `sudo apt-get install {package}`; Fedora: `sudo dnf install "
        "google-noto-sans-cjk-fonts`) and export again",
        "这台机器上没有能显示中文的字体，PDF 里会是空方框；请安装一个"
        "（Debian/Ubuntu：`sudo apt-get install {package}`；Fedora：`sudo dnf install "
        "google-noto-sans-cjk-fonts`）后再导出",
    ),
    "export-failed": Entry("{browser} could not print the PDF: {error}", "{browser} 无法打印 PDF：{error}"),
    "export-no-output": Entry("no output", "没有输出"),
    "export-no-pdf": Entry(
        "{browser} did not write the PDF (exit {code}): {detail}", "{browser} 没有写出 PDF（退出码 {code}）：{detail}"
    ),
    "export-has-errors": Entry(
        "{errors}: fix them first (see `studylog validate`)", "{errors}：请先改正（见 `studylog validate`）"
    ),
    "init-unknown-template": Entry(
        "unknown template {template!r}; choose one of {choices}", "没有模板 {template!r}；可选：{choices}"
    ),
    "init-unknown-locale": Entry(
        "unknown locale {locale!r}; choose one of {choices}", "没有语言 {locale!r}；可选：{choices}"
    ),
    "init-bad-hours": Entry(
        "--hours {hours}: give the hours you plan a day, more than 0 and at most 24",
        "--hours {hours}：请给出每天计划的小时数，大于 0 且不超过 24",
    ),
    "init-not-a-folder": Entry("{path} is a file, not a folder", "{path} 是文件，不是文件夹"),
    "init-inside-study": Entry(
        "{path} is inside the study of {plan}: commands run here already use that plan. Set up a new"
        " study in a folder of its own (or add --force to start a second one here)",
        "{path} 在 {plan} 所在的学习仓库里面：在这里运行的命令已经会用那份计划。新的学习请放在单独的"
        "文件夹里（确实要在这里再建一份，加上 --force）",
    ),
    "init-bad-action": Entry(
        "--action {action!r} is not OWNER/REPO@<40-hex commit SHA> (or OWNER/REPO@vN)",
        "--action {action!r} 不是 OWNER/REPO@<40 位十六进制提交 SHA>（或 OWNER/REPO@vN）",
    ),
    "bad-timezone": Entry(
        "{timezone!r} is not an IANA timezone like Asia/Shanghai", "{timezone!r} 不是 Asia/Shanghai 这样的 IANA 时区"
    ),
    "new-exists": Entry(
        "{path} already holds the check-in for {day}; edit it instead", "{path} 已经是 {day} 的打卡；请直接编辑它"
    ),
    "new-plan-errors": Entry("plan.yaml has errors: fix them first", "plan.yaml 有错误：请先改正"),
    "new-editor": Entry("cannot start the editor {editor!r}: {error}", "无法启动编辑器 {editor!r}：{error}"),
    "summary.progress-head": Entry("| phase | progress |", "| 阶段 | 进度 |"),
    "summary.progress-head-change": Entry("| phase | before → after |", "| 阶段 | 之前 → 之后 |"),
    "summary.streak": Entry("{n} days", "{n} 天", en_one="{n} day"),
    "summary.streak-change": Entry("{before} → **{n}** days", "{before} → **{n}** 天", en_one="{before} → **{n}** day"),
    "summary.overall": Entry("| overall | {overall} |", "| 总进度 | {overall} |"),
    "summary.streak-line": Entry("🔥 streak: {streak} · as of {as_of}", "🔥 连续打卡：{streak} · 截至 {as_of}"),
    "summary.check": Entry("studylog check", "studylog 检查"),
    "summary.pr-progress": Entry("Progress this pull request brings", "这个拉取请求带来的进度"),
    "summary.nothing-planned": Entry("{date}: nothing planned today.", "{date}：今天没有安排。"),
    "summary.clipped": Entry(
        "… (cut to stay under GitHub's size limit; the job log has everything)",
        "……（为不超过 GitHub 的大小限制而截断；完整内容见任务日志）",
    ),
    # -- publish and the bot ---------------------------------------------------------------------
    "git-failed": Entry("`git {command}` failed: {output}", "`git {command}` 失败：{output}"),
    "git-detached": Entry(
        "HEAD is detached and no branch was given (a pull request or a tag checkout is never published): "
        "pass `--branch NAME`",
        "HEAD 处于分离状态且没有指定分支（拉取请求或标签的检出永远不会发布）：请加 `--branch NAME`",
    ),
    "git-detached-no-branch": Entry(
        "HEAD is detached and {remote} has no branch {branch!r}: pass `--branch NAME`",
        "HEAD 处于分离状态，且 {remote} 上没有分支 {branch!r}：请加 `--branch NAME`",
    ),
    "publish-has-errors": Entry(
        "the repository has {errors}; nothing was published:", "仓库里有 {errors}；什么都没有发布："
    ),
    "publish-not-git": Entry(
        "publish commits and pushes with git, but {path} is not in a git repository: run it in your clone "
        "(or `git init` and add a remote first)",
        "publish 用 git 提交并推送，但 {path} 不在 git 仓库里："
        "请在你克隆的仓库里运行（或先 `git init` 并添加远程仓库）",
    ),
    "publish-dirty": Entry(
        "uncommitted changes to {paths}: commit or stash them first", "{paths} 有未提交的改动：请先提交或暂存"
    ),
    "publish-readme-edited": Entry(
        "README.md has uncommitted changes outside the studylog section: commit them first "
        "(publish commits only what it generates)",
        "README.md 在 studylog 段落之外有未提交的改动：请先提交它们（publish 只提交它生成的内容）",
    ),
    "push-refused-permission": Entry(
        "push to {ref} was refused: the workflow's token may not push. On GitHub: Settings → Actions → General "
        "→ Workflow permissions → 'Read and write permissions', and give the publish job "
        "`permissions: contents: write`",
        "推送到 {ref} 被拒绝：工作流的令牌没有推送权限。在 GitHub 上：Settings → Actions → General → "
        "Workflow permissions → 'Read and write permissions'，并给 publish 任务加上 `permissions: contents: write`",
    ),
    "push-refused-protected": Entry(
        "push to {ref} was refused: the branch is protected and refuses direct pushes: allow github-actions "
        "to push to it, or run `studylog publish --via-branch studylog/dashboard` and merge the pull request "
        "it opens",
        "推送到 {ref} 被拒绝：该分支受保护，不接受直接推送；请允许 github-actions 推送，"
        "或运行 `studylog publish --via-branch studylog/dashboard` 并合并它开的拉取请求",
    ),
    "push-failed": Entry("push to {ref} failed: {output}", "推送到 {ref} 失败：{output}"),
    "push-conflict": Entry(
        "your unpushed commits conflict with {ref}: {output}; pull and resolve, then publish again",
        "你未推送的提交与 {ref} 冲突：{output}；请拉取并解决冲突后再发布",
    ),
    "push-gave-up": Entry(
        "gave up after {n} attempts: {ref} kept moving (others pushed each time); "
        "run publish again, or raise --attempts",
        "尝试 {n} 次后放弃：{ref} 一直在变（每次都有别人先推送）；请再运行一次 publish，或调大 --attempts",
        en_one="gave up after {n} attempt: {ref} kept moving (others pushed each time); "
        "run publish again, or raise --attempts",
    ),
    "git-cannot-compare": Entry("cannot compare with {base}: {output}", "无法与 {base} 比较：{output}"),
    "api-refused": Entry(
        "GitHub refused to {doing} ({status}). Give the job `permissions: {permission}: write`; on a pull "
        "request from a fork the token is read-only, so studylog writes the job summary instead",
        "GitHub 拒绝了操作：{doing}（{status}）。请给任务加上 `permissions: {permission}: write`；"
        "来自 fork 的拉取请求的令牌是只读的，所以 studylog 改为写入任务摘要",
    ),
    "api-rate-limited": Entry(
        "GitHub's rate limit stopped studylog from trying to {doing} ({status}); this is not a permission "
        "problem: run it again later",
        "GitHub 的速率限制让 studylog 没能执行“{doing}”（{status}）；这不是权限问题：请稍后再运行",
    ),
    "api-retry-after": Entry(" (GitHub asked to wait {seconds} s)", "（GitHub 要求等待 {seconds} 秒）"),
    "api-404": Entry(
        "GitHub answered 404 when trying to {doing}: check GITHUB_REPOSITORY and that the token can see the repository",
        "GitHub 在执行“{doing}”时返回 404：请检查 GITHUB_REPOSITORY，以及令牌能否看到这个仓库",
    ),
    "api-failed": Entry("GitHub failed to {doing}: {status}", "GitHub 执行“{doing}”失败：{status}"),
    "api-bad-repository": Entry(
        "GITHUB_REPOSITORY is {name!r}, not OWNER/REPO as GitHub names a repository",
        "GITHUB_REPOSITORY 是 {name!r}，不是 GitHub 仓库名那样的 OWNER/REPO",
    ),
    "api-no-repository": Entry(
        "GITHUB_REPOSITORY is not set (OWNER/REPO); GitHub Actions sets it",
        "没有设置 GITHUB_REPOSITORY（OWNER/REPO）；GitHub Actions 会自动设置它",
    ),
    "api-no-token": Entry(
        "GITHUB_TOKEN is not set: pass `env: GITHUB_TOKEN: ${{{{ github.token }}}}` to the step",
        "没有设置 GITHUB_TOKEN：请在该步骤加上 `env: GITHUB_TOKEN: ${{{{ github.token }}}}`",
    ),
    # -- what the bot did: `✓ {action}` (studylog bot comment, remind, publish --via-branch) -------
    "bot.did.created": Entry("created {what}", "已创建：{what}"),
    "bot.did.updated": Entry("updated {what}", "已更新：{what}"),
    "bot.did.opened": Entry("opened {what}", "已打开：{what}"),
    "bot.did.closed": Entry("closed {what}", "已关闭：{what}"),
    "bot.did.reopened": Entry("reopened {what}", "已重新打开：{what}"),
    "bot.did.unchanged": Entry("left unchanged {what}", "没有变化，未改动：{what}"),
    "bot.did.left-closed": Entry("left closed {what}", "本来就已关闭：{what}"),
    "bot.did.left-open": Entry("left open {what}", "本来就开着：{what}"),
    "bot.did.nothing-to-close": Entry("found nothing to close: {what}", "没有需要关闭的：{what}"),
    "bot.did.would-created": Entry("would have created {what}", "将创建：{what}"),
    "bot.did.would-updated": Entry("would have updated {what}", "将更新：{what}"),
    "bot.did.would-opened": Entry("would have opened {what}", "将打开：{what}"),
    "bot.did.would-closed": Entry("would have closed {what}", "将关闭：{what}"),
    "bot.did.would-reopened": Entry("would have reopened {what}", "将重新打开：{what}"),
    "bot.did.would-created-or-updated": Entry("would have created or updated {what}", "将创建或更新：{what}"),
    "bot.did.would-opened-or-updated": Entry("would have opened or updated {what}", "将打开或更新：{what}"),
    "bot.url": Entry(" ({url})", "（{url}）"),
    "bot.what.comment": Entry("the studylog comment on #{number}", "#{number} 里 studylog 的评论"),
    "bot.what.issue": Entry("issue #{number}", "issue #{number}"),
    "bot.what.new-reminder": Entry('the reminder "{title}"', "提醒“{title}”"),
    "bot.what.reminder": Entry("reminder #{number}", "提醒 #{number}"),
    "bot.what.any-reminder": Entry("the open reminder, if any", "开着的提醒（如果有）"),
    "bot.what.no-reminder": Entry("no reminder is open", "没有开着的提醒"),
    "bot.what.pull-request": Entry("the pull request {head} → {base}", "拉取请求 {head} → {base}"),
    "bot.doing.whoami": Entry("read who the token is", "查看令牌属于哪个账号"),
    "bot.doing.read": Entry("read #{number}", "读取 #{number}"),
    "bot.doing.read-comments": Entry("read comments", "读取评论"),
    "bot.doing.comment": Entry("comment", "发表评论"),
    "bot.doing.edit-comment": Entry("edit the comment", "修改评论"),
    "bot.doing.close-issue": Entry("close the issue", "关闭 issue"),
    "bot.doing.reopen-issue": Entry("reopen the issue", "重新打开 issue"),
    "bot.doing.list-issues": Entry("list issues", "列出 issue"),
    "bot.doing.open-reminder": Entry("open a reminder issue", "开一个提醒 issue"),
    "bot.doing.update-reminder": Entry("update the reminder", "更新提醒"),
    "bot.doing.close-reminder": Entry("close the reminder", "关闭提醒"),
    "bot.doing.list-pulls": Entry("list pull requests", "列出拉取请求"),
    "bot.doing.open-pull": Entry("open a pull request", "开一个拉取请求"),
    "bot.no-checkin-yet": Entry(
        "no check-in yet for {date}; leaving any reminder open", "{date} 还没有打卡；提醒（如果有）保持开着"
    ),
    "remind-has-errors": Entry("the repository has errors: no reminder sent", "仓库里有错误：没有发送提醒"),
    # -- the one gate to the learner's disk (safepath) ------------------------------------------
    "unsafe-read-outside": Entry(
        "{path} is a symbolic link to a place outside the repository; studylog does not read it",
        "{path} 是指向仓库之外的符号链接；studylog 不读取它",
    ),
    "unsafe-read-special": Entry(
        "{path} is not a regular file (a folder, FIFO or device); studylog does not read it",
        "{path} 不是普通文件（是文件夹、FIFO 或设备）；studylog 不读取它",
    ),
    "unsafe-write-link": Entry(
        "{path} is a symbolic link; studylog does not write or delete through it: replace it with a real "
        "folder or file",
        "{path} 是符号链接；studylog 不会透过它写入或删除：请换成真正的文件夹或文件",
    ),
    "unsafe-write-link-outside": Entry(
        "{path} is a symbolic link that leads outside the repository; studylog does not write or delete "
        "through it: replace it with a real folder or file",
        "{path} 是通向仓库之外的符号链接；studylog 不会透过它写入或删除：请换成真正的文件夹或文件",
    ),
    "unsafe-write-chain": Entry(
        "{path} leads through more than one symbolic link; studylog does not write through it",
        "{path} 经过不止一个符号链接；studylog 不会透过它写入",
    ),
    "unsafe-write-special": Entry(
        "{path} is not a regular file (a folder, FIFO or device); studylog does not replace it",
        "{path} 不是普通文件（是文件夹、FIFO 或设备）；studylog 不会替换它",
    ),
    "unsafe-read-only": Entry(
        "{path} is read-only (mode {mode}); studylog leaves it as it is",
        "{path} 是只读的（权限 {mode}）；studylog 保持原样",
    ),
    "unsafe-delete-link": Entry(
        "{path} leads through a symbolic link; studylog does not delete through it",
        "{path} 经过符号链接；studylog 不会透过它删除",
    ),
    "unsafe-checkin-folder": Entry(
        "{path} is a symbolic link to a folder outside the repository; its check-ins are not read",
        "{path} 是指向仓库之外文件夹的符号链接；其中的打卡不会被读取",
    ),
    "hint.unsafe-path": Entry(
        "keep check-ins and plan.yaml as plain files inside the repository",
        "请把打卡文件和 plan.yaml 作为普通文件放在仓库里",
    ),
    "file-name-not-utf8": Entry(
        "this file name is not valid UTF-8, so it cannot be shown on GitHub; it is not read",
        "这个文件名不是有效的 UTF-8，GitHub 上无法显示；它不会被读取",
    ),
    "hint.file-name-not-utf8": Entry(
        "rename the file, e.g. checkins/2026/2026-01-05.yaml", "请给文件改名，例如 checkins/2026/2026-01-05.yaml"
    ),
    "file-unreadable": Entry("{path} cannot be read: {error}", "{path} 无法读取：{error}"),
    "text-control-character": Entry(
        "`{what}` holds the control character {code}, which is not allowed in text",
        "`{what}` 含有控制字符 {code}，文本里不允许出现",
    ),
    "hint.text-control-character": Entry(
        "delete it (it often comes along when text is pasted from a terminal)",
        "删掉它（从终端粘贴文本时常会带上它）",
    ),
    "date-out-of-range": Entry(
        "`{what}: {value}` is outside the years studylog works with ({first}–{last})",
        "`{what}: {value}` 超出了 studylog 支持的年份范围（{first}–{last}）",
    ),
    "hint.date-out-of-range": Entry("check the year", "请检查年份"),
    "yaml-too-deep": Entry(
        "lists and mappings are nested more than {depth} levels deep",
        "列表和映射嵌套超过了 {depth} 层",
    ),
    "hint.yaml-too-deep": Entry(
        "a check-in or plan needs only a few levels; look for unclosed `[` or `{{`",
        "打卡或计划只需要几层嵌套；请找找有没有没闭合的 `[` 或 `{{`",
    ),
    "link-unsafe": Entry("`{link}`: {error}", "`{link}`：{error}"),
    "hint.link-unsafe": Entry("link to a plain file in the repository", "请链接到仓库里的普通文件"),
    "link-unreadable": Entry("`{link}` cannot be read: {error}", "`{link}` 无法读取：{error}"),
    "api-unreachable": Entry(
        "could not reach GitHub to {doing} ({error}); try again later",
        "无法连接 GitHub 来执行“{doing}”（{error}）；请稍后再试",
    ),
    "api-unreadable": Entry(
        "GitHub's answer could not be read when trying to {doing}: {error}",
        "执行“{doing}”时无法读取 GitHub 的回答：{error}",
    ),
    "readme-shadowed": Entry(
        "{path} is the README GitHub shows on the repository page, so a dashboard in README.md would never "
        "appear: move that file's text into README.md (or delete it), then build again",
        "GitHub 在仓库首页显示的是 {path}，所以 README.md 里的仪表盘永远不会出现：请把那个文件的内容移到 "
        "README.md（或删掉它），然后再构建",
    ),
    "readme-not-markdown": Entry(
        "{path} is the README GitHub shows, and it is not Markdown: rename it to README.md (with the studylog "
        "markers) so the dashboard can appear",
        "GitHub 显示的 README 是 {path}，但它不是 Markdown：请把它改名为 README.md"
        "（并加上 studylog 标记），仪表盘才能显示",
    ),
    # -- plan settings, the status stub, credit, reviews -----------------------------------------
    "invalid-day-start": Entry(
        "`day_starts_at: {value}` is not a time of day", "`day_starts_at: {value}` 不是一个时刻"
    ),
    "hint.day-start": Entry(
        'hours and minutes, e.g. `day_starts_at: "04:00"` (then 01:30 still counts for the day before)',
        '按 `HH:MM` 写，例如 `day_starts_at: "04:00"`（这样凌晨 01:30 仍算前一天）',
    ),
    "review-intervals": Entry(
        "`review_intervals` must list whole numbers of days from 1 to 366",
        "`review_intervals` 只能列出 1 到 366 之间的整数天数",
    ),
    "hint.review-intervals": Entry(
        "e.g. `review_intervals: [1, 3, 7, 14, 30]`", "例如 `review_intervals: [1, 3, 7, 14, 30]`"
    ),
    "backfill-grace-range": Entry(
        "`backfill_grace_hours: {value}` is not between 0 and 72", "`backfill_grace_hours: {value}` 不在 0 到 72 之间"
    ),
    "hint.backfill-grace": Entry(
        "the hours after a day ends in which a commit still counts as on time (default 6)",
        "一天结束后多少小时内提交仍算按时打卡，超过就算补卡（默认 6）",
    ),
    "reminder-hour-range": Entry(
        "`reminder_hour: {value}` is not an hour from 0 to 23", "`reminder_hour: {value}` 不是 0 到 23 之间的整点"
    ),
    "hint.reminder-hour": Entry("the local hour of the reminder, 0 to 23", "提醒的本地整点，0 到 23"),
    "pages-url-not-https": Entry(
        "`pages_url: {url}` is not an https:// address", "`pages_url: {url}` 不是 https:// 地址"
    ),
    "hint.pages-url": Entry("e.g. https://LEARNER.github.io/REPOSITORY/", "例如 https://LEARNER.github.io/REPOSITORY/"),
    "status-not-chosen": Entry(
        "`status:` is empty: say how the day went before committing this check-in",
        "`status:` 还空着：提交这次打卡前，先写上今天完成得怎么样",
    ),
    "hint.status-not-chosen": Entry(
        "write `status: done`, `status: in-progress` or `status: not-done` (or ✅ 🔄 ❌, 完成 / 进行中 / 未完成)",
        "写 `status: done`、`status: in-progress` 或 `status: not-done`（也可以写 ✅ 🔄 ❌ 或 完成 / 进行中 / 未完成）",
    ),
    "kind.true-or-false": Entry("true or false", "布尔值 true 或 false"),
    "credit-with-items": Entry(
        "`credit: false` says this check-in earns no plan credit, but it lists `items`",
        "`credit: false` 表示这次打卡不计入计划进度，但它又列出了 `items`",
    ),
    "hint.credit-with-items": Entry(
        "drop `items` for a journal entry or extra study, or drop `credit: false` to get credit for them",
        "只是记日志或额外学习就删掉 `items`；想让这些学习项计入进度，就删掉 `credit: false`",
    ),
    "reviewed-too-early": Entry(
        "`{ident}` was solved on {when}; a review comes on a later day",
        "`{ident}` 是 {when} 才解决的；复习要放在之后的日子",
    ),
    "reviewed-unknown": Entry(
        "`{ident}` is not a solved problem of an earlier check-in", "`{ident}` 不是之前打卡里已解决的问题"
    ),
    "hint.reviewed-id": Entry(
        "name a problem as its check-in's date and its place in `problems:`, e.g. `2026-01-05#1`",
        "用打卡日期加上问题在 `problems:` 里的序号来指代它，例如 `2026-01-05#1`",
    ),
    "hint.reviewed-near": Entry("that day's solved problems: {ids}", "那天已解决的问题：{ids}"),
    # -- --help and errors of review, checkin, bot checkin-issue, doctor, setup -------------------
    "help.cmd.review": Entry(
        "solved problems due for review today (避坑复习), with their solutions",
        "今天该复习的已解决问题（避坑复习），附上解决方法",
    ),
    "help.cmd.review.description": Entry(
        "List the solved problems due for review as of today: each comes back after the plan's "
        "review_intervals (default 1, 3, 7, 14, 30 days), counted from its last review. Record a review with "
        "`studylog checkin --reviewed YYYY-MM-DD#N`.",
        "列出截至今天该复习的已解决问题：每个问题按计划的 review_intervals（默认 1、3、7、14、30 天）"
        "从上次复习起算再次出现。复习完用 `studylog checkin --reviewed YYYY-MM-DD#N` 记录。",
    ),
    "help.cmd.checkin": Entry(
        "write or update today's check-in from options; no YAML typing",
        "用命令行选项写入或更新今天的打卡，不用手写 YAML",
    ),
    "help.cmd.checkin.description": Entry(
        "Write the check-in for today (in the plan's timezone) or --date, or merge into the one "
        "already there (comments and order kept; lists are united, given values replace old ones), validate it "
        "and print the day's progress. A file that would be invalid is left as it was.",
        "写入今天（按计划时区）或 --date 那天的打卡；已有打卡时合并进去（保留注释和顺序；列表取并集，"
        "给出的值替换旧值），然后校验并显示当天进度。合并后会出错的文件保持原样不动。",
    ),
    "help.checkin.status": Entry(
        "done, in-progress or not-done (default: done for a new check-in)",
        "done、in-progress 或 not-done（新打卡默认 done）",
    ),
    "help.checkin.hours": Entry("hours studied that day (replaces the old value)", "当天学习的小时数（替换原来的值）"),
    "help.checkin.done": Entry("an item or task finished (repeatable)", "完成的学习项或任务（可重复）"),
    "help.checkin.message": Entry("what was done, in words (repeatable)", "用一句话写做了什么（可重复）"),
    "help.checkin.problem": Entry("a problem met (repeatable)", "遇到的问题（可重复）"),
    "help.checkin.solution": Entry(
        "how the --problem just before it was solved", "紧挨着的前一个 --problem 是怎么解决的"
    ),
    "help.checkin.link": Entry(
        "code or notes (repeatable); a path starts in the current folder, `/…` at the repository root",
        "代码或笔记链接（可重复）；路径从当前文件夹算起，`/…` 从仓库根目录算起",
    ),
    "help.checkin.reviewed": Entry("a problem reviewed (repeatable)", "复习过的问题（可重复）"),
    "help.checkin.task": Entry(
        "the day's task (核心任务) in your words, when it differs from the plan",
        "用自己的话写的核心任务，和计划不同时才写",
    ),
    "help.checkin.note": Entry("anything else (appended to notes)", "其他备注（追加到 notes）"),
    "cli.not-a-number": Entry("{value!r} is not a number like 1.5", "{value!r} 不是 1.5 这样的数字"),
    "cli.solution-needs-problem": Entry(
        "--solution needs a --problem just before it", "--solution 前面要先写一个 --problem"
    ),
    "cli.bad-status": Entry(
        "--status {status!r}: use done, in-progress or not-done",
        "--status {status!r}：请用 done、in-progress 或 not-done",
    ),
    "help.cmd.checkin-issue": Entry(
        "turn a check-in issue (the issue form) into a committed check-in; comment and close it",
        "把打卡 issue（issue 表单）变成一次提交的打卡，然后回复并关闭它",
    ),
    "help.cmd.checkin-issue.description": Entry(
        "Read the `issues` event GitHub wrote (--event, default $GITHUB_EVENT_PATH). When the owner "
        "(or a login in plan.yaml's checkin_users) opened or edited a check-in form: write or merge the day's "
        "check-in, validate it, commit and push it, comment the day's progress and close the issue. On problems: "
        "comment them and leave the issue open. Anyone else's issue is ignored.",
        "读取 GitHub 写下的 `issues` 事件（--event，默认 $GITHUB_EVENT_PATH）。仓库主人（或 plan.yaml 的 "
        "checkin_users 里的账号）新建或编辑了打卡表单时：写入或合并当天的打卡，校验、提交并推送，回复当天进度"
        "并关闭 issue。有问题时：在 issue 里回复问题，issue 保持打开。其他人的 issue 一律忽略。",
    ),
    "help.checkin-issue.event": Entry(
        "the event payload (default: $GITHUB_EVENT_PATH)", "事件文件（默认：$GITHUB_EVENT_PATH）"
    ),
    "help.cmd.doctor": Entry("check the setup end to end and say what to fix", "从头到尾检查配置，并指出要改什么"),
    "help.cmd.doctor.description": Entry(
        "Check the plan and check-ins, the README markers, the workflows (action reference, default "
        "branch, the evening reminder in your local time), git and its remote, the timezone, and the fonts "
        "and Chromium the PDF export needs. Exit 1 when something will not work.",
        "检查计划和打卡、README 标记、工作流（action 引用、默认分支、按本地时间的晚间提醒）、git 及其远程仓库、"
        "时区，以及导出 PDF 需要的字体和 Chromium。有东西无法正常工作时退出码为 1。",
    ),
    "help.cmd.setup": Entry(
        "turn a copy of the studylog template into your own (run by the setup workflow)",
        "把 studylog 模板的副本变成你自己的仓库（由 setup 工作流运行）",
    ),
    "help.cmd.setup.description": Entry(
        "In a repository made with GitHub's 'Use this template': replace the demo data that is still "
        "as copied with your plan, an empty checkins/ and a README with markers. Files you added or changed are "
        "kept; running it again keeps every check-in and keeps the previous plan beside the new one.",
        "在用 GitHub 的 `Use this template` 按钮创建的仓库里：把仍是原样的示例数据换成你的计划、空的 checkins/ "
        "和带标记的 README。你新增或改过的文件都会保留；再次运行会保留所有打卡，旧计划也会留在新计划旁边。",
    ),
    "help.setup.timezone": Entry(
        "your IANA timezone (default: Asia/Shanghai)", "你的 IANA 时区（默认：Asia/Shanghai）"
    ),
    "help.setup.locale": Entry("the dashboard's language (default: zh-CN)", "仪表盘的语言（默认：zh-CN）"),
    # -- argparse's own words (its gettext msgids, kept verbatim in `en`) ---------------------------
    "argparse.error": Entry("%(prog)s: error: %(message)s\n", "%(prog)s：错误：%(message)s\n"),
    "argparse.argument": Entry("argument %(argument_name)s: %(message)s", "参数 %(argument_name)s：%(message)s"),
    "argparse.required": Entry("the following arguments are required: %s", "缺少必需的参数：%s"),
    "argparse.unrecognized": Entry("unrecognized arguments: %s", "无法识别的参数：%s"),
    "argparse.invalid-choice": Entry(
        "invalid choice: %(value)r (choose from %(choices)s)", "没有这个选项：%(value)r（可选：%(choices)s）"
    ),
    "argparse.invalid-value": Entry("invalid %(type)s value: %(value)r", "%(value)r 不是有效的 %(type)s 值"),
    "argparse.expected-one": Entry("expected one argument", "后面需要跟一个值"),
    "argparse.expected-at-most-one": Entry("expected at most one argument", "后面最多只能跟一个值"),
    "argparse.expected-at-least-one": Entry("expected at least one argument", "后面至少要跟一个值"),
    "argparse.expected-n": Entry("expected %s arguments", "后面需要跟 %s 个值", en_one="expected %s argument"),
    "argparse.ambiguous": Entry(
        "ambiguous option: %(option)s could match %(matches)s", "选项 %(option)s 不明确，可能是：%(matches)s"
    ),
    "argparse.not-allowed-with": Entry("not allowed with argument %s", "不能和参数 %s 一起用"),
    "argparse.one-required": Entry("one of the arguments %s is required", "参数 %s 必须给出其中一个"),
    "argparse.ignored-explicit": Entry("ignored explicit argument %r", "忽略了多余的值 %r"),
    "argparse.cannot-open": Entry("can't open '%(filename)s': %(error)s", "无法打开 '%(filename)s'：%(error)s"),
    # -- studylog doctor ----------------------------------------------------------------------
    "doctor.line": Entry("{mark} {topic}: {message}", "{mark} {topic}：{message}"),
    "doctor.topic.plan": Entry("plan", "计划"),
    "doctor.topic.README": Entry("README", "README"),
    "doctor.topic.workflow": Entry("workflow", "工作流"),
    "doctor.topic.reminder": Entry("reminder", "提醒"),
    "doctor.topic.timezone": Entry("timezone", "时区"),
    "doctor.topic.git": Entry("git", "git"),
    "doctor.topic.pdf": Entry("pdf", "PDF"),
    "doctor.plan-errors": Entry("{errors} in plan.yaml and the check-ins", "plan.yaml 和打卡里有 {errors}"),
    "doctor.fix-validate": Entry(
        "run `studylog validate` to see each one with its line", "运行 `studylog validate` 查看每个错误和它所在的行"
    ),
    "doctor.plan-valid": Entry("plan.yaml and {checkins} are valid", "plan.yaml 和 {checkins}都没有问题"),
    "doctor.no-readme": Entry("there is no README.md", "没有 README.md"),
    "doctor.fix-init-readme": Entry("run `studylog init` to write one", "运行 `studylog init` 生成一个"),
    "doctor.fix-init-markers": Entry("run `studylog init` to add the markers", "运行 `studylog init` 加上标记"),
    "doctor.readme-ok": Entry("README.md has the studylog markers", "README.md 里有 studylog 标记"),
    "doctor.no-workflow": Entry("no workflow runs studylog on GitHub", "GitHub 上没有运行 studylog 的工作流"),
    "doctor.fix-init-workflows": Entry("run `studylog init` to write them", "运行 `studylog init` 生成工作流"),
    "doctor.bad-action": Entry(
        "{path}: `uses: {ref}` is not a studylog action GitHub can find",
        "{path}：`uses: {ref}` 不是 GitHub 能找到的 studylog action",
    ),
    "doctor.fix-action": Entry(
        "delete the file and run `studylog init` (it writes the reference from the installed studylog), "
        "or write OWNER/studylog@<commit SHA> yourself",
        "删掉这个文件再运行 `studylog init`（它会按已安装的 studylog 写入引用），或自己写成 OWNER/studylog@<提交 SHA>",
    ),
    "doctor.hard-branch": Entry(
        "{path} publishes only on `{hard}`, but your default branch is {branch}",
        "{path} 只在 `{hard}` 上发布，但你的默认分支是 {branch}",
    ),
    "doctor.unknown-branch": Entry("unknown", "未知"),
    "doctor.fix-branch": Entry(
        "use `github.event.repository.default_branch` (run `studylog init` on a fresh copy to see how)",
        "改用 `github.event.repository.default_branch`（在一个新副本上运行 `studylog init` 可以看到写法）",
    ),
    "doctor.workflows-ok": Entry(
        "{files} run studylog and follow the default branch", "{files} 会运行 studylog，并跟随默认分支"
    ),
    "doctor.no-reminder": Entry(
        "no evening schedule: nobody reminds you of a missing check-in", "没有晚间定时任务：漏了打卡没人提醒你"
    ),
    "doctor.reminder-cron": Entry("the evening run's schedule is `{cron}` (UTC)", "晚间任务的定时是 `{cron}`（UTC）"),
    "doctor.reminder-at": Entry(
        "the evening run fires at {local} in {timezone} ({utc} UTC)",
        "晚间任务在 {timezone} 时间 {local} 运行（UTC {utc}）",
    ),
    "doctor.fix-cron": Entry(
        "edit `cron:` in the evening workflow: cron is in UTC", "修改晚间工作流里的 `cron:`：cron 用的是 UTC 时间"
    ),
    "doctor.timezone-ok": Entry(
        "the plan's day follows {timezone}, as this machine's clock does",
        "计划按 {timezone} 划分每一天，和这台电脑的时钟一致",
    ),
    "doctor.timezone-differs": Entry(
        "the plan's day follows {timezone}, but this machine is in {here}: "
        "`studylog new` writes the file for today in {timezone}",
        "计划按 {timezone} 划分每一天，但这台电脑在 {here}：`studylog new` 会按 {timezone} 的今天写文件",
    ),
    "doctor.fix-timezone": Entry(
        "if you moved, change `timezone:` in plan.yaml", "如果你换了地方，请修改 plan.yaml 里的 `timezone:`"
    ),
    "doctor.no-git": Entry("this folder is not a git repository", "这个文件夹不是 git 仓库"),
    "doctor.fix-git-init": Entry("run `git init`", "运行 `git init`"),
    "doctor.remote": Entry("pushes go to {remote}", "推送到 {remote}"),
    "doctor.no-remote": Entry(
        "no remote yet, so GitHub cannot check or publish anything", "还没有远程仓库，GitHub 无法检查或发布任何内容"
    ),
    "doctor.fix-remote": Entry(
        "create an empty repository on GitHub, then `git remote add origin URL` and `git push -u origin HEAD`",
        "先在 GitHub 上建一个空仓库，再运行 `git remote add origin URL` 和 `git push -u origin HEAD`",
    ),
    "doctor.no-cjk-font": Entry(
        "no Chinese font found: `studylog export --pdf` would print boxes for Chinese text",
        "没有找到中文字体：`studylog export --pdf` 会把中文印成方框",
    ),
    "doctor.fix-cjk-font": Entry(
        "install one, e.g. `apt install fonts-noto-cjk`", "装一个中文字体，例如 `apt install fonts-noto-cjk`"
    ),
    "doctor.no-chromium": Entry(
        "Chromium is not installed: `studylog export --pdf` needs it",
        "没有安装 Chromium：`studylog export --pdf` 需要它",
    ),
    "doctor.fix-chromium": Entry("install it, e.g. `apt install chromium`", "装一个，例如 `apt install chromium`"),
    "doctor.pdf-ok": Entry(
        "Chromium and a Chinese font are here for `studylog export --pdf`",
        "`studylog export --pdf` 需要的 Chromium 和中文字体都已就绪",
    ),
    "doctor.fix-init-here": Entry("run `studylog init` here", "在这里运行 `studylog init`"),
    "doctor.n-problems": Entry("{n} problems", "{n} 个问题", en_one="{n} problem"),
    "doctor.no-problems": Entry(
        "no problems: commit, push, and check in every day", "没有问题：提交、推送，然后每天打卡"
    ),
    # -- studylog review ----------------------------------------------------------------------
    "review.none-due": Entry(
        "as of {as_of}: no problem is due for review{upcoming}", "截至 {as_of}：没有需要复习的问题{upcoming}"
    ),
    "review.next-on": Entry("; next on {date}", "；下一次在 {date}"),
    "review.due": Entry(
        "as of {as_of}: {n} problems due for review (避坑复习)",
        "截至 {as_of}：有 {n} 个问题该复习了（避坑复习）",
        en_one="as of {as_of}: {n} problem due for review (避坑复习)",
    ),
    "review.due-today": Entry("due today", "今天到期"),
    "review.overdue": Entry("{n} days overdue", "已过期 {n} 天", en_one="{n} day overdue"),
    "review.head": Entry(
        "{id}  ({when}; review {count}, solved {solved} in {checkin})",
        "{id}  （{when}；第 {count} 次复习；{solved} 解决，见 {checkin}）",
    ),
    "review.problem": Entry("problem", "问题"),
    "review.solution": Entry("solution", "解决方法"),
    "review.record": Entry(
        "after reviewing: studylog checkin {flags}   (or add `reviewed: [{ids}]`)",
        "复习完运行：studylog checkin {flags}   （或在打卡里加上 `reviewed: [{ids}]`）",
    ),
    # -- init, setup, new: what was done and what to know --------------------------------------
    "keep-aside-full": Entry(
        "{path}: too many old copies beside it (.1.bak … .999.bak); remove some first",
        "{path}：旁边的旧副本太多了（.1.bak … .999.bak）；请先删掉一些",
    ),
    "init-no-action": Entry(
        "{error}; pass `--action OWNER/studylog@SHA`", "{error}；请加上 `--action OWNER/studylog@SHA`"
    ),
    "setup.readme-markers": Entry("{path} (markers appended)", "{path}（已在末尾加上标记）"),
    "setup.gitignore-lines": Entry("{path} (studylog lines appended)", "{path}（已在末尾加上 studylog 的几行）"),
    "setup.git-init": Entry("{path} (git init)", "{path}（git init）"),
    "setup.demo-removed": Entry("{path} (demo, removed)", "{path}（示例文件，已删除）"),
    "setup.no-git": Entry(
        "git is not installed: install it, then run `git init` here", "没有安装 git：装好后在这里运行 `git init`"
    ),
    "setup.git-init-failed": Entry("`git init` failed: {error}", "`git init` 失败：{error}"),
    "actionref.no-repository": Entry(
        "studylog's package metadata names no GitHub repository (project URL `Repository`)",
        "studylog 的包元数据里没有写 GitHub 仓库（项目地址 `Repository`）",
    ),
    "actionref.pip-commit": Entry("the commit pip installed studylog from", "pip 安装 studylog 时用的提交"),
    "actionref.release-commit": Entry("the release commit of studylog {version}", "studylog {version} 发布时的提交"),
    "actionref.checkout-commit": Entry(
        "the commit of the studylog checkout you ran", "你运行的 studylog 检出所在的提交"
    ),
    "actionref.major-tag": Entry(
        "the v{major} tag release.yml moves to each {major}.x release",
        "`v{major}` 标签，release.yml 会在每次 {major}.x 发布时移动它",
    ),
    "setup.action-unpinned": Entry(
        "the workflows use {action} ({source}); pin a commit with `--action OWNER/REPO@SHA` if you prefer",
        "工作流使用 {action}（{source}）；想固定到某个提交，可以用 `--action OWNER/REPO@SHA`",
    ),
    "setup.plan-kept": Entry(
        "{path} (yours; pass --force to start a new plan, the old one is kept beside it)",
        "{path}（你自己的；要重新开始一个计划请加 --force，旧计划会保留在旁边）",
    ),
    "setup.previous-plan": Entry("your previous plan is kept as {path}", "你之前的计划保存为 {path}"),
    "setup.plan-starts": Entry("the plan starts {date}{how}", "计划从 {date} 开始{how}"),
    "setup.starts-today": Entry(
        " (today in {timezone}; to start on another day: `studylog init --force --start YYYY-MM-DD`)",
        "（{timezone} 的今天；想从别的日子开始：`studylog init --force --start YYYY-MM-DD`）",
    ),
    "setup.plan-starts-in": Entry("the plan starts {date} in {timezone}", "计划从 {date} 开始（时区 {timezone}）"),
    "new.rest-day": Entry("a rest day", "休息日"),
    "new.after-end": Entry("after the plan's end", "计划已经结束"),
    "new.before-start": Entry("before the plan's start", "计划还没开始"),
    # -- studylog import ----------------------------------------------------------------------
    "import.recognised": Entry("recognised: {shape} — {reason}", "识别为：{shape} —— {reason}"),
    "import.counts": Entry(
        "{phases} phases, {items} items, {checkins} check-ins from {rows} rows",
        "{phases} 个阶段、{items} 个学习项、{checkins} 份打卡，来自 {rows} 行",
    ),
    "import.would": Entry("would import {source}: {counts}", "将导入 {source}：{counts}"),
    "import.done": Entry("✓ imported {source}: {counts}", "✓ 已导入 {source}：{counts}"),
    "import.would-write": Entry("  would write {path}", "  将写入 {path}"),
    "import.dry-run": Entry("  (dry run: nothing was written)", "  （演练：没有写入任何文件）"),
    "import.replaced": Entry(
        "  replaced {n} files; their old versions are in {backup}/",
        "  替换了 {n} 个文件；旧版本在 {backup}/",
        en_one="  replaced {n} file; its old version is in {backup}/",
    ),
    "import.links-not-yet": Entry(
        "{n} links point to files or headings this repository does not have yet: kept as your links, shown as "
        "not in the repository yet until you commit them (`studylog validate` lists them as warnings)",
        "{n} 个链接指向本仓库还没有的文件或标题：链接原样保留，提交那些文件之前会显示为“还不在仓库里”"
        "（`studylog validate` 会把它们列为警告）",
        en_one="{n} link points to a file or heading this repository does not have yet: kept as your link, shown "
        "as not in the repository yet until you commit it (`studylog validate` lists it as a warning)",
    ),
    "import.warning": Entry("  warning: {path}:{line}: {message}", "  警告：{path}:{line}：{message}"),
    "import.not-utf8": Entry(
        "{source} is not UTF-8 text (byte {byte}); save it as UTF-8 and import again",
        "{source} 不是 UTF-8 文本（第 {byte} 个字节）；可能是 GBK 编码，请另存为 UTF-8 后再导入",
    ),
    "import.refused": Entry("{source}: {error}", "{source}：{error}"),
    "import.invalid": Entry(
        "{source}: the imported plan and check-ins would not be valid (see above), so nothing was written",
        "{source}：导入后的计划和打卡会有错误（见上文），所以什么都没写",
    ),
    "import.exists": Entry(
        "{files} already exist; nothing was written (pass --force to replace them, keeping a backup)",
        "{files} 已经存在；什么都没写（加 --force 可以替换它们，旧文件会备份）",
    ),
    # -- studylog import: the shapes, what each recogniser saw, notes and refusals ---------------
    "import.shape.lecture-tracker": Entry(
        "lecture tracker (seed 000): ## 阶段 → ### 第N周 → #### Lecture with a 任务 | 状态 | 完成日期 | 备注 table",
        "讲座进度表：`## 阶段N` → `### 第N周` → `#### Lecture NN`，每讲一张 `任务 | 状态 | 完成日期 | 备注` 表格",
    ),
    "import.shape.summary-table": Entry(
        "summary table (seed 004): 周次 | 日期 | 完成状态 | 核心任务 | …",
        "打卡汇总表：`周次 | 日期 | 完成状态 | 核心任务 | …`",
    ),
    "import.shape.week-day-table": Entry(
        "打卡 table with week and day columns, or one table per week under `### W1 …`",
        "周和天分两列的打卡表，或 `### W1 …` 标题下每周一张表",
    ),
    "import.shape.100-days-of-code": Entry(
        "#100DaysOfCode log: ### Day N: date, then **Today's Progress**, **Thoughts**, **Link to work**",
        "#100DaysOfCode 日志：`### Day N: 日期`，下面写 `**Today's Progress**`、`**Thoughts**`、`**Link to work**`",
    ),
    "import.shape.dated-table": Entry(
        "dated table (Notion, a spreadsheet): Date | Task | Status | … with a date on every row",
        "带日期的表格（Notion、电子表格）：`日期 | 任务 | 状态 | …`，每行一个日期",
    ),
    "import.shape.task-list": Entry(
        "task-list plan: `- [x]` / `- [ ]` items under `## 第1周` / `### Day 1` headings",
        "任务清单：`## 第1周` / `### Day 1` 标题下的 `- [x]` / `- [ ]` 条目",
    ),
    # What `import` says it recognised: the shape's own name in English, a learner's word in Chinese.
    "import.shape-name.lecture-tracker": Entry("lecture-tracker", "讲座进度表"),
    "import.shape-name.summary-table": Entry("summary-table", "打卡汇总表"),
    "import.shape-name.week-day-table": Entry("week-day-table", "周和天分列的打卡表"),
    "import.shape-name.100-days-of-code": Entry("100-days-of-code", "#100DaysOfCode 日志"),
    "import.shape-name.task-list": Entry("task-list", "任务清单"),
    "import.shape-name.dated-table": Entry("dated-table", "带日期的表格"),
    "import.shape-line": Entry("  - {title}\n      e.g. {example}", "  - {title}\n      例如：`{example}`"),
    "import.looks-like": Entry("it looks like a {title} — {reason}", "看起来是{title} —— {reason}"),
    "import.closest": Entry("closest: {title} — {reason}", "最接近的是{title} —— {reason}"),
    "import.closest-refused": Entry(
        "closest: {title} — {reason} ({error})", "最接近的是{title} —— {reason}（{error}）"
    ),
    "import.not-certain": Entry("{reason} (not certain: check the result)", "{reason}（不太确定：请检查导入结果）"),
    "import.nothing-read": Entry(
        "nothing in this file could be imported; nothing was written", "这个文件里没有能导入的内容；什么都没写"
    ),
    "import.unknown-shape": Entry(
        "this file is none of the tracker shapes studylog reads; nothing was written",
        "这个文件不是 studylog 能读的任何一种打卡记录格式；什么都没写",
    ),
    "import.why-rows": Entry("why its rows could not be read:", "这些行读不出来的原因："),
    "import.no-rows": Entry("  it has no rows studylog could read", "  里面没有 studylog 能读的行"),
    "import.shapes": Entry("the shapes studylog reads:", "studylog 能读的格式："),
    "import.at-line": Entry("line {line}: {message}", "第 {line} 行：{message}"),
    "import.leftover-outside": Entry(
        "text outside the plan ({n} lines) is not part of the plan; not imported",
        "计划之外的文字（{n} 行）不属于计划；未导入",
        en_one="text outside the plan ({n} line) is not part of the plan; not imported",
    ),
    "import.leftover-heading": Entry(
        "`{heading}` ({n} lines) is not part of the plan; not imported",
        "`{heading}`（{n} 行）不属于计划；未导入",
        en_one="`{heading}` ({n} line) is not part of the plan; not imported",
    ),
    "import.leftover-under": Entry(
        "text under `{heading}` ({n} lines) is not part of the plan; not imported",
        "`{heading}` 下的文字（{n} 行）不属于计划；未导入",
        en_one="text under `{heading}` ({n} line) is not part of the plan; not imported",
    ),
    "import.merged-rows": Entry(
        "{date} already has the row on line {line}: merged into one check-in",
        "{date} 已有第 {line} 行的记录：两行合并成一份打卡",
    ),
    "import.no-field": Entry(
        "`{label}` has no field in a check-in; kept in `notes`", "`{label}` 在打卡里没有对应的字段；保留在 `notes` 里"
    ),
    "import.rest-day": Entry(
        "a day off ({date}): listed under `rest_days:` in plan.yaml, not planned",
        "休息日（{date}）：写进 plan.yaml 的 `rest_days:`，不作为计划项",
    ),
    "import.rest-no-date": Entry(
        "a day off with no date: not planned (list it under `rest_days:` in plan.yaml once you know its date)",
        "没有日期的休息日：未列入计划（知道日期后写进 plan.yaml 的 `rest_days:`）",
    ),
    "import.status-unknown-planned": Entry(
        "status `{status}` is not one studylog knows; planned, no check-in written",
        "studylog 不认识状态 `{status}`；已列入计划，未写打卡",
    ),
    "import.unmapped-columns": Entry(
        "columns {columns} have no place in a check-in: their text goes into `notes`",
        "{columns} 列在打卡里没有对应的字段：内容放进 `notes`",
    ),
    "import.cells-mismatch": Entry(
        "{cells} cells for {columns} columns, so it was not imported — escape a `|` inside a cell as `\\|`",
        "这一行有 {cells} 个单元格，表头却有 {columns} 列，所以未导入 —— 单元格里的 `|` 要写成 `\\|`",
    ),
    "import.cells-mismatch-row": Entry(
        "{cells} cells for {columns} columns, so it was not imported — escape a `|` inside a cell as `\\|`: {row}",
        "这一行有 {cells} 个单元格，表头却有 {columns} 列，所以未导入 —— 单元格里的 `|` 要写成 `\\|`：{row}",
    ),
    "import.day-outside-week": Entry(
        "day {first}–{last} is not within a week; row not imported", "第 {first}–{last} 天超出了一周；这一行未导入"
    ),
    # lecture tracker (seed 000)
    "import.tracker.found": Entry(
        "{lectures} `####` lecture headings with {tables} 任务 | 状态 task tables",
        "{lectures} 个 `####` 讲座标题，带 {tables} 张 `任务 | 状态` 任务表",
    ),
    "import.tracker.tables-only": Entry(
        "{n} 任务 | 状态 tables, but no `#### Lecture …` headings above them",
        "有 {n} 张 `任务 | 状态` 表，但上面没有 `#### Lecture …` 标题",
        en_one="{n} 任务 | 状态 table, but no `#### Lecture …` heading above it",
    ),
    "import.tracker.headings-only": Entry(
        "{n} `####` headings, but no 任务 | 状态 | 完成日期 task tables",
        "有 {n} 个 `####` 标题，但没有 `任务 | 状态 | 完成日期` 任务表",
        en_one="{n} `####` heading, but no 任务 | 状态 | 完成日期 task table",
    ),
    "import.tracker.none": Entry(
        "no `#### Lecture …` headings with 任务 | 状态 tables", "没有带 `任务 | 状态` 表的 `#### Lecture …` 标题"
    ),
    "import.tracker.no-start": Entry(
        "no **开始日期** in the file: pass --start YYYY-MM-DD", "文件里没有 `**开始日期**`：请加 `--start YYYY-MM-DD`"
    ),
    "import.tracker.week-before-phase": Entry(
        "a week before any phase heading; not imported", "这一周出现在所有阶段标题之前；未导入"
    ),
    "import.tracker.journal-date": Entry(
        "`{text}` is not a date; journal entry not imported", "`{text}` 不是日期；这篇学习心得未导入"
    ),
    "import.tracker.row-outside": Entry(
        "a table row outside any lecture; not imported", "这一行表格不属于任何讲座；未导入"
    ),
    "import.tracker.short-row": Entry(
        "a task row with {n} cells; not imported",
        "任务行只有 {n} 个单元格；未导入",
        en_one="a task row with {n} cell; not imported",
    ),
    "import.tracker.status-unknown": Entry(
        "status `{status}` is not one studylog knows; task kept as not started",
        "studylog 不认识状态 `{status}`；任务按未开始处理",
    ),
    "import.tracker.update-log": Entry(
        "the update log (更新日志) records edits of the tracker itself; not imported",
        "更新日志记的是进度表本身的修改；未导入",
    ),
    "import.tracker.resources": Entry(
        "the 相关资源链接 section is not a check-in; not imported", "`相关资源链接` 一节不是打卡；未导入"
    ),
    "import.tracker.no-date-at-all": Entry(
        "`{title}` is {status} but the tracker has no date at all; no check-in for it",
        "`{title}` 的状态是 {status}，但整个进度表里没有任何日期；不为它写打卡",
    ),
    "import.tracker.no-done-date": Entry(
        "`{title}` is {status} but has no 完成日期: recorded on {date}, the tracker's latest date",
        "`{title}` 的状态是 {status}，但没有完成日期：记在进度表里最晚的日期 {date}",
    ),
    "import.tracker.milestone-lost": Entry(
        "milestone `{title}` has no phase or date to attach to; not imported",
        "里程碑 `{title}` 没有可对应的阶段或日期；未导入",
    ),
    "import.tracker.milestone-count": Entry(
        "milestone `{title}`: the tracker's own count `{count}` is recomputed from the tasks",
        "里程碑 `{title}`：进度表自己写的 `{count}` 会按任务重新计算",
    ),
    "import.tracker.stat": Entry("{word} {stated} (tasks: {counted})", "{word} {stated}（任务表：{counted}）"),
    "import.tracker.stats-differ": Entry(
        "the tracker's 讲座完成情况 differs from its task tables: {differ}; the tables count",
        "进度表的讲座完成情况与任务表不一致：{differ}；以任务表为准",
    ),
    "import.tracker.stats-agree": Entry(
        "lectures as the tracker states them: {summary}", "讲座完成情况与进度表自己的统计一致：{summary}"
    ),
    "import.tracker.overview-differs": Entry(
        "the overview says 已完成 {stated}/{total} 讲座, but the task tables have {done}/{lectures} lectures done; "
        "the tables count",
        "概览写的是已完成 {stated}/{total} 讲座，但任务表里完成了 {done}/{lectures} 讲；以任务表为准",
    ),
    "import.tracker.journal-heading": Entry(
        "journal heading `{label}` has no field; kept in `notes`",
        "学习心得里的小标题 `{label}` 没有对应的字段；保留在 `notes` 里",
    ),
    "import.tracker.journal-merged": Entry(
        "{date}: {n} journal entries merged into one check-in", "{date}：{n} 篇学习心得合并成一份打卡"
    ),
    # tables of days (seed 004, week and day columns, per-week tables)
    "import.day.no-date-column": Entry(
        "the table has no 日期 column: pass --start YYYY-MM-DD, the date of week 1, day 1",
        "表格没有 `日期` 列：请加 `--start YYYY-MM-DD`，即第 1 周第 1 天的日期",
    ),
    "import.day.no-row-date": Entry(
        "no row has a date: pass --start YYYY-MM-DD, the date of week 1, day 1",
        "没有一行写了日期：请加 `--start YYYY-MM-DD`，即第 1 周第 1 天的日期",
    ),
    "import.day.placeholders": Entry(
        "the dates are placeholders like {hint}: pass --start YYYY-MM-DD (the plan's first day){best}",
        "日期是 {hint} 这样的占位符：请加 `--start YYYY-MM-DD`（计划的第一天）{best}",
    ),
    "import.day.month-hints-disagree": Entry(
        "the month hints of {wrong} of {hinted} placeholder rows (lines {lines}) disagree with --start {start}: "
        "e.g. this row ({text}) falls on {date}; the dates follow --start{best}",
        "{hinted} 行占位日期中有 {wrong} 行（第 {lines} 行）的月份与 `--start {start}` 不符：例如这一行（{text}）"
        "落在 {date}；日期以 `--start` 为准{best}",
    ),
    "import.day.best-start": Entry(
        "; the month hints fit best with --start {start} ({agree} of {total} rows agree)",
        "；与月份最吻合的是 `--start {start}`（{total} 行中有 {agree} 行吻合）",
    ),
    "import.day.best-start-monday": Entry(
        "; the month hints fit best with --start {start} ({agree} of {total} rows agree; "
        "the Monday {monday}: {monday_agree})",
        "；与月份最吻合的是 `--start {start}`（{total} 行中有 {agree} 行吻合；"
        "从周一 {monday} 开始则有 {monday_agree} 行）",
    ),
    "import.day.no-date": Entry(
        "no usable date (`{date}`) and no --start; check-in not written",
        "没有可用的日期（`{date}`），也没有 `--start`；未写打卡",
    ),
    "import.day.hours": Entry(
        "`{spent}` is not a number of hours; kept in `notes`", "`{spent}` 不是小时数；保留在 `notes` 里"
    ),
    "import.dated.none": Entry(
        "no table with a date and a task column (like Date, Task, Status)",
        "没有带日期列和任务列的表格（例如 `日期 | 任务 | 状态`）",
    ),
    "import.dated.no-dates": Entry(
        "the table at line {line} has a {column} column, but no row holds a date in it",
        "第 {line} 行的表格有 `{column}` 列，但没有一行在这一列写了日期",
    ),
    "import.dated.found": Entry(
        "the table at line {line} has columns {columns}; {n} rows hold a date",
        "第 {line} 行的表格有这些列：{columns}；其中 {n} 行写了日期",
        en_one="the table at line {line} has columns {columns}; {n} row holds a date",
    ),
    "import.dated.not-a-date": Entry(
        "`{cell}` is not a date like 2026-01-05 or January 5, 2026; row not imported",
        "`{cell}` 不是 2026-01-05 或 1月5日 这样的日期；这一行未导入",
    ),
    "import.dated.no-year": Entry(
        "`{cell}` has no year, and no row above gives one: pass --start YYYY-MM-DD (the first day); row not imported",
        "`{cell}` 没有年份，上面也没有哪一行给出年份：请加 `--start YYYY-MM-DD`（第一天）；这一行未导入",
    ),
    "import.dated.before": Entry(
        "{date} is before the row above ({previous}): rows go in date order; row not imported",
        "{date} 早于上一行（{previous}）：各行要按日期先后排列；这一行未导入",
    ),
    "import.summary.none": Entry(
        "no table with columns like 周次, 日期, 完成状态, 核心任务",
        "没有带 `周次`、`日期`、`完成状态`、`核心任务` 这类列的表格",
    ),
    "import.summary.near": Entry(
        "the table at line {line} has {columns} but no {missing} column",
        "第 {line} 行的表格有 {columns}，但没有 {missing} 列",
    ),
    "import.summary.week-day-column": Entry("周次 holding week and day", "同时写明周和天的 `周次`"),
    "import.summary.no-week-day": Entry(
        "the table at line {line} has a {column} column, but no row names a week and day like 第1周 Day1",
        "第 {line} 行的表格有 `{column}` 列，但没有一行写明 `第1周 Day1` 这样的周和天",
    ),
    "import.summary.found": Entry(
        "the table at line {line} has columns {columns}; {n} rows name a week and day like 第1周 Day1",
        "第 {line} 行的表格有这些列：{columns}；其中 {n} 行写明了 `第1周 Day1` 这样的周和天",
        en_one="the table at line {line} has columns {columns}; {n} row names a week and day like 第1周 Day1",
    ),
    "import.summary.no-progress": Entry(
        "no 阶段进度 column: every item of a phase gets the same weight", "没有 `阶段进度` 列：同一阶段的每一项权重相同"
    ),
    "import.summary.not-week-day": Entry(
        "`{cell}` is not a week and day like 第1周 Day1; row not imported",
        "`{cell}` 不是 `第1周 Day1` 这样的周和天；这一行未导入",
    ),
    "import.week-day.headed": Entry(
        "the table at line {line} is under `{heading}` but has no 任务 and 天/日期 columns",
        "第 {line} 行的表格在 `{heading}` 之下，但没有 `任务` 列和 `天`/`日期` 列",
    ),
    "import.week-day.none": Entry(
        "no table with 周 and 天 columns, and no table under a `### W1 …` heading",
        "没有带 `周` 和 `天` 列的表格，也没有 `### W1 …` 标题下的表格",
    ),
    "import.week-day.per-week": Entry(
        "{n} per-week tables under headings like `{heading}` with {rows} rows",
        "`{heading}` 这类标题下有 {n} 张每周的表格，共 {rows} 行",
        en_one="{n} per-week table under a heading like `{heading}` with {rows} rows",
    ),
    "import.week-day.found": Entry(
        "the table at line {line} has separate {week} and {day} columns ({rows} rows)",
        "第 {line} 行的表格有分开的 `{week}` 列和 `{day}` 列（{rows} 行）",
    ),
    "import.week-day.not-week": Entry(
        "`{cell}` is not a week like W1, 第1周 or 1; row not imported",
        "`{cell}` 不是 `W1`、`第1周` 或 `1` 这样的周；这一行未导入",
    ),
    "import.week-day.not-day": Entry(
        "`{cell}` is not a day or range of days like 3 or 4-7; row not imported",
        "`{cell}` 不是 `3` 或 `4-7` 这样的天或天数范围；这一行未导入",
    ),
    # #100DaysOfCode logs
    "import.days.found": Entry(
        "{headings} `### Day N` headings and {fields} `Today's Progress` fields",
        "{headings} 个 `### Day N` 标题和 {fields} 个 `Today's Progress` 字段",
    ),
    "import.days.headings-only": Entry(
        "{n} `### Day N` headings, but no `**Today's Progress**:` under them",
        "有 {n} 个 `### Day N` 标题，但下面没有 `**Today's Progress**:`",
        en_one="{n} `### Day N` heading, but no `**Today's Progress**:` under it",
    ),
    "import.days.progress-only": Entry(
        "{n} `Today's Progress` fields, but no `### Day N: date` headings to date them",
        "有 {n} 个 `Today's Progress` 字段，但没有标明日期的 `### Day N: date` 标题",
        en_one="{n} `Today's Progress` field, but no `### Day N: date` heading to date it",
    ),
    "import.days.none": Entry(
        "no `### Day N: date` headings with **Today's Progress**",
        "没有带 `**Today's Progress**` 的 `### Day N: date` 标题",
    ),
    "import.days.again": Entry(
        "Day {day} appears again (first on line {line}): imported as its own entry",
        "Day {day} 又出现了一次（第一次在第 {line} 行）：作为单独一条导入",
    ),
    "import.days.no-such-day": Entry(
        "`{text}` is not a day of the calendar; entry not imported", "`{text}` 不是日历上存在的日子；这一条未导入"
    ),
    "import.days.example": Entry(
        "the template's example entry (Day 0 … Example); not imported", "模板自带的示例条目（Day 0 … Example）；未导入"
    ),
    "import.days.no-year": Entry(
        "{n} entries give a month and day but no year (`{text}` first, read as {date}): each is read as the "
        "first such day after the entry above",
        "有 {n} 条只写了月和日、没有年份（第一条是 `{text}`，读作 {date}）：每条都按上一条之后的第一个这一天来读",
        en_one="{n} entry gives a month and day but no year: `{text}`, read as {date}",
    ),
    "import.days.no-year-start": Entry(
        "`{text}` has a month and day but no year, and no entry gives one: pass --start YYYY-MM-DD (the day of Day 1)",
        "`{text}` 只写了月和日、没有年份，也没有哪一条写了年份：请加 `--start YYYY-MM-DD`（Day 1 的日期）",
    ),
    "import.days.no-start": Entry(
        "no entry has a date like `### Day 1: November 10, 2018`: pass --start YYYY-MM-DD (Day 1)",
        "没有一条写了 `### Day 1: November 10, 2018` 这样的日期：请加 `--start YYYY-MM-DD`（Day 1 的日期）",
    ),
    "import.days.not-after": Entry(
        "Day {day} is dated {date}, not after the entry above ({previous}); not imported",
        "Day {day} 的日期是 {date}，不晚于上一条（{previous}）；未导入",
    ),
    "import.days.undated": Entry(
        "Day {day} has no date: placed on {date}, Day 1 + {n} days",
        "Day {day} 没有日期：按 Day 1 + {n} 天放在 {date}",
        en_one="Day {day} has no date: placed on {date}, Day 1 + {n} day",
    ),
    "import.days.future": Entry(
        "Day {day} is dated {date}, after today: planned, no check-in written",
        "Day {day} 的日期 {date} 晚于今天：已列入计划，未写打卡",
    ),
    "import.days.empty": Entry(
        "Day {day} has no Today's Progress, Thoughts or Link to work",
        "Day {day} 没有 `Today's Progress`、`Thoughts` 或 `Link to work`",
    ),
    "import.days.rest-planned": Entry(
        "Days {first}–{last} are not logged yet: planned one a day from {date}",
        "Day {first}–{last} 还没有记录：从 {date} 起每天排一天",
    ),
    # task lists
    "import.tasks.found": Entry(
        "{boxes} `- [ ]`/`- [x]` items under {headings} week or day headings",
        "{headings} 个周或天标题下有 {boxes} 个 `- [ ]`/`- [x]` 条目",
    ),
    "import.tasks.boxes-only": Entry(
        "{n} `- [ ]`/`- [x]` items, but no `## 第1周` / `### Day 1` headings to place them",
        "有 {n} 个 `- [ ]`/`- [x]` 条目，但没有可以归入的 `## 第1周` / `### Day 1` 标题",
        en_one="{n} `- [ ]`/`- [x]` item, but no `## 第1周` / `### Day 1` heading to place it",
    ),
    "import.tasks.none": Entry("no `- [ ]` / `- [x]` task lists", "没有 `- [ ]` / `- [x]` 任务清单"),
    "import.tasks.above-headings": Entry(
        "`{text}` is above any week or day heading; not imported", "`{text}` 在所有周或天标题之前；未导入"
    ),
    "import.tasks.no-start": Entry(
        "no day heading names a date (like `### Day 1 (2025-12-01)`): pass --start YYYY-MM-DD",
        "没有哪个天标题写了日期（如 `### Day 1 (2025-12-01)`）：请加 `--start YYYY-MM-DD`",
    ),
    "import.tasks.no-day": Entry(
        "`{text}` is ticked but names no day: no check-in written — add the date it was done, "
        "e.g. `(2025-12-03)`, and import again",
        "`{text}` 已勾选，但没写是哪天：未写打卡 —— 加上完成日期（例如 `(2025-12-03)`）后再导入",
    ),
    "import.tasks.future": Entry(
        "`{title}` has ticked boxes but is dated {date}, after today; no check-in written",
        "`{title}` 有勾选的条目，但日期 {date} 晚于今天；未写打卡",
    ),
    "word.list-comma": Entry(", ", "、"),
    "word.list-semicolon": Entry("; ", "；"),
    # -- studylog checkin --------------------------------------------------------------------
    "checkin.not-mapping": Entry(
        "the check-in is not a YAML mapping; fix it by hand first",
        "这份打卡不是 YAML 映射（若干行 `键: 值`）；请先手动改好",
    ),
    "checkin.unreadable": Entry(
        "{path} exists but could not be read as a check-in; fix it first (`studylog validate`)",
        "{path} 已经存在，但读不出打卡内容；请先改正（`studylog validate`）",
    ),
    "checkin.would-break": Entry(
        "{path} would have {errors}; nothing was changed", "{path} 改完会有 {errors}；所以什么都没改"
    ),
    "checkin.plan-errors": Entry(
        "plan.yaml has errors; fix them first (`studylog validate`)",
        "plan.yaml 有错误；请先改正（`studylog validate`）",
    ),
    # -- what a check-in merge changed (in the reply, in the plan's language) -------------------
    "change.status": Entry("status {old} → {new}", "状态 {old} → {new}"),
    "change.hours-changed": Entry("hours {old} → {new}", "时长 {old} → {new}"),
    "change.hours": Entry("hours {hours}", "时长 {hours}"),
    "change.task": Entry("task", "任务"),
    "change.done": Entry("done: {message}", "完成：{message}"),
    "change.link": Entry("link {link}", "链接 {link}"),
    "change.reviewed": Entry("reviewed {id}", "已复习 {id}"),
    "change.notes": Entry("notes", "备注"),
    "change.item-done": Entry("{id} done", "{id} 完成"),
    "change.item-now-done": Entry("{id} → done", "{id} → 完成"),
    "change.solved": Entry("solved: {problem}", "已解决：{problem}"),
    "change.problem": Entry("problem: {problem}", "问题：{problem}"),
    # -- studylog bot checkin-issue (form answers: in the plan's language, like the comment) ---------
    "issue.form-date": Entry(
        "Date: `{value}` is not a date like YYYY-MM-DD", "「日期」`{value}` 不是 YYYY-MM-DD 格式的日期"
    ),
    "issue.form-status": Entry(
        "Status: `{value}` is not done / in-progress / not-done (✅ 🔄 ❌)",
        "「状态」`{value}` 不是 done / in-progress / not-done（✅ 🔄 ❌）",
    ),
    "issue.form-hours": Entry(
        "Hours: `{value}` is not a number from 0 to 24", "「学习时长」`{value}` 不是 0 到 24 之间的数字"
    ),
    "issue.form-solution": Entry("Solution: fill in Problem too", "「解决方法」需要同时填写「遇到的问题」"),
    "issue.bad-event": Entry(
        "{path}: not an `issues` event payload ({error})", "{path}：不是 `issues` 事件的内容（{error}）"
    ),
    "issue.no-event": Entry(
        "no event: pass --event FILE or set GITHUB_EVENT_PATH", "没有事件：请加 --event FILE 或设置 GITHUB_EVENT_PATH"
    ),
    "issue.plan-errors": Entry("plan.yaml could not be loaded; fix it first", "plan.yaml 读不出来；请先改正它"),
    "issue.why-action": Entry("action {action!r}", "事件动作是 {action!r}"),
    "issue.why-not-form": Entry("not a check-in form", "不是打卡表单"),
    "issue.why-author": Entry("the author may not check in here", "作者不能在这里打卡"),
    "issue.ignored": Entry("issue #{number} ignored: {why}", "已忽略 issue #{number}：{why}"),
    "issue.refused": Entry(
        "✗ issue #{number}: not checked in ({why}; commented on the issue)",
        "✗ issue #{number}：没有打卡（{why}；已在 issue 里回复）",
    ),
    "issue.checked-in": Entry(
        "✓ issue #{number} checked in: {path} ({commit})", "✓ issue #{number} 已打卡：{path}（{commit}）"
    ),
}
