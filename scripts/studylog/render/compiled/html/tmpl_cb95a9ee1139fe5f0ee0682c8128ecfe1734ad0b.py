from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'index.html.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_plan = resolve('plan')
    l_0_L = resolve('L')
    l_0_s = resolve('s')
    l_0_fmt = resolve('fmt')
    l_0_chart_names = resolve('chart_names')
    l_0_legend = resolve('legend')
    l_0_folded = resolve('folded')
    l_0_problems = resolve('problems')
    l_0_rows_table = missing
    try:
        t_1 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_2 = environment.filters['num']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'num' found.")
    try:
        t_3 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    def macro(l_1_rows):
        t_4 = []
        if l_1_rows is missing:
            l_1_rows = undefined("parameter 'rows' was not provided", name='rows')
        pass
        t_4.extend((
            '<table class="days">\n<thead><tr><th class="nowrap">',
            escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'col_date')),
            '</th><th class="nowrap">',
            escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'col_status_short')),
            '</th><th>',
            escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'col_task')),
            '</th><th>',
            escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'problem_solution')),
            '</th><th>',
            escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'col_links')),
            '</th></tr></thead>\n<tbody>\n',
        ))
        l_2_loop = missing
        for l_2_r, l_2_loop in LoopContext(l_1_rows, undefined):
            l_2_status_label = resolve('status_label')
            l_2_status_emoji = resolve('status_emoji')
            _loop_vars = {}
            pass
            t_4.extend((
                '<tr class="row"><td class="nowrap">',
                escape(context.call(environment.getattr(environment.getattr(l_2_r, 'date'), 'strftime'), '%m-%d', _loop_vars=_loop_vars)),
                '</td><td class="nowrap" title="',
                escape(context.call((undefined(name='status_label') if l_2_status_label is missing else l_2_status_label), environment.getattr(l_2_r, 'status'), _loop_vars=_loop_vars)),
            ))
            if environment.getattr(l_2_r, 'backfill'):
                pass
                t_4.extend((
                    ' · ',
                    escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'backfill')),
                ))
            t_4.extend((
                '">',
                escape(context.call((undefined(name='status_emoji') if l_2_status_emoji is missing else l_2_status_emoji), environment.getattr(l_2_r, 'status'), _loop_vars=_loop_vars)),
            ))
            if environment.getattr(l_2_r, 'backfill'):
                pass
                t_4.extend((
                    ' ',
                    escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'backfill')),
                ))
            t_4.extend((
                '</td><td>',
                escape(environment.getattr(l_2_r, 'task')),
                '</td><td>',
            ))
            l_3_loop = missing
            for l_3_x, l_3_loop in LoopContext(environment.getattr(l_2_r, 'problems'), undefined):
                _loop_vars = {}
                pass
                t_4.append(
                    escape(l_3_x),
                )
                if environment.getitem(environment.getattr(l_2_r, 'solutions'), environment.getattr(l_3_loop, 'index0')):
                    pass
                    t_4.extend((
                        ' → ',
                        escape(environment.getitem(environment.getattr(l_2_r, 'solutions'), environment.getattr(l_3_loop, 'index0'))),
                    ))
                if (not environment.getattr(l_3_loop, 'last')):
                    pass
                    t_4.append(
                        '<br>',
                    )
            l_3_loop = l_3_x = missing
            t_4.append(
                '</td><td>',
            )
            l_3_loop = missing
            for l_3_l, l_3_loop in LoopContext(environment.getattr(l_2_r, 'links'), undefined):
                l_3_short_link = resolve('short_link')
                l_3_href = resolve('href')
                _loop_vars = {}
                pass
                if environment.getattr(l_3_l, 'missing'):
                    pass
                    t_4.extend((
                        escape(context.call((undefined(name='short_link') if l_3_short_link is missing else l_3_short_link), l_3_l, _loop_vars=_loop_vars)),
                        ' ⏳ ',
                        escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'link_not_yet')),
                    ))
                else:
                    pass
                    t_4.extend((
                        '<a href="',
                        escape(context.call((undefined(name='href') if l_3_href is missing else l_3_href), environment.getattr(l_3_l, 'target'), environment.getattr(l_3_l, 'web'), 'reports', _loop_vars=_loop_vars)),
                        '">',
                        escape(context.call((undefined(name='short_link') if l_3_short_link is missing else l_3_short_link), l_3_l, _loop_vars=_loop_vars)),
                        '</a>',
                    ))
                if (not environment.getattr(l_3_loop, 'last')):
                    pass
                    t_4.append(
                        '<br>',
                    )
            l_3_loop = l_3_l = l_3_short_link = l_3_href = missing
            t_4.append(
                '</td></tr>\n',
            )
        l_2_loop = l_2_r = l_2_status_label = l_2_status_emoji = missing
        t_4.append(
            '</tbody>\n</table>',
        )
        return concat(t_4)
    context.exported_vars.add('rows_table')
    context.vars['rows_table'] = l_0_rows_table = Macro(environment, macro, 'rows_table', ('rows',), False, False, False, context.eval_ctx.autoescape)
    yield '<!DOCTYPE html>\n<html lang="'
    yield escape(environment.getattr(environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'locale'), 'value'))
    yield '">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta name="generator" content="studylog">\n<title>'
    yield escape(environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'title'))
    yield ' · '
    yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'progress'))
    yield '</title>\n<style>\n:root { color-scheme: light dark; --fg: #1f2328; --muted: #59636e; --bg: #ffffff; --line: #d1d9e0; --bar: #1a7f37; --soft: #f6f8fa; }\n@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --muted: #9198a1; --bg: #0d1117; --line: #3d444d; --bar: #3fb950; --soft: #151b23; } }\nbody { font-family: system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; color: var(--fg); background: var(--bg); margin: 0 auto; max-width: 1100px; padding: 1.5rem; line-height: 1.5; }\nh1 { font-size: 1.6rem; margin: 0 0 .25rem; } h2 { font-size: 1.2rem; border-bottom: 1px solid var(--line); padding-bottom: .3rem; margin-top: 2rem; }\n.muted { color: var(--muted); }\n.cards { display: flex; flex-wrap: wrap; gap: .75rem; margin: 1rem 0; }\n.card { border: 1px solid var(--line); border-radius: 8px; padding: .6rem .9rem; min-width: 9rem; background: var(--soft); }\n.card b { display: block; font-size: 1.3rem; }\n.meter { background: var(--line); border-radius: 4px; height: .6rem; width: 12rem; display: inline-block; vertical-align: middle; }\n.meter span { background: var(--bar); border-radius: 4px; height: 100%; display: block; }\ntable { border-collapse: collapse; width: 100%; font-size: .9rem; }\nth, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }\nth { background: var(--soft); }\nimg { max-width: 100%; } .charts { display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-start; }\ninput[type=search] { font: inherit; padding: .4rem .6rem; width: min(30rem, 100%); border: 1px solid var(--line); border-radius: 6px; background: var(--bg); color: var(--fg); }\ntr.hidden, li.hidden { display: none; }\ntd.nowrap, th.nowrap { white-space: nowrap; }\ntd a { overflow-wrap: anywhere; }\n#checkins { overflow-x: auto; }\n@media (max-width: 600px) { body { padding: 1rem; } .cards { gap: .5rem; } .card { min-width: 7rem; } }\ndetails { margin: .5rem 0; } details.part { margin-left: 1rem; } summary { cursor: pointer; }\n.days { margin: .4rem 0; }\n</style>\n</head>\n<body>\n<h1>'
    yield escape(environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'title'))
    yield '</h1>\n<p class="muted">'
    yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'as_of'))
    yield ' '
    yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'as_of'))
    yield '</p>\n\n<div class="cards">\n  <div class="card">'
    yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'overall'))
    yield '<b>'
    yield escape(t_2(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'overall_percent')))
    yield '%</b><span class="muted">'
    yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'planned'))
    yield ' '
    yield escape(t_2(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'expected_percent')))
    yield '%</span></div>\n  <div class="card" id="pace">'
    if (environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'days_ahead') > 0):
        pass
        yield '⏩<b>'
        yield escape(context.call((undefined(name='fmt') if l_0_fmt is missing else l_0_fmt), 'ahead', n=environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'days_ahead')))
        yield '</b>'
    elif (environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'days_ahead') < 0):
        pass
        yield '⏪<b>'
        yield escape(context.call((undefined(name='fmt') if l_0_fmt is missing else l_0_fmt), 'behind', n=(-environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'days_ahead'))))
        yield '</b>'
    else:
        pass
        yield '✅<b>'
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'on_schedule'))
        yield '</b>'
    yield '</div>\n  <div class="card">🔥 '
    yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'streak'))
    yield '<b>'
    yield escape(context.call((undefined(name='fmt') if l_0_fmt is missing else l_0_fmt), 'n_days', n=environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'streak_current')))
    yield '</b></div>\n  <div class="card">⏱ '
    yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'hours'))
    yield '<b>'
    if environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'hours_recorded_days'):
        pass
        yield escape(t_2(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'hours_total')))
        if (not t_3(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'hours_target'))):
            pass
            yield ' / '
            yield escape(t_2(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'hours_target')))
    else:
        pass
        yield '—'
    yield '</b><span class="muted">'
    if environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'hours_recorded_days'):
        pass
        yield escape(context.call(environment.getattr(context.call((undefined(name='fmt') if l_0_fmt is missing else l_0_fmt), 'hours_recorded', n=environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'hours_recorded_days'), total=t_1(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'checkins'))), 'strip'), ' （）()'))
    else:
        pass
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'hours_not_recorded'))
    yield '</span></div>\n  <div class="card">🏁 '
    yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'forecast'))
    yield '<b>'
    yield escape((environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'forecast_finish') or '—'))
    yield '</b></div>\n</div>\n\n<table>\n<tr><th>'
    yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'phase'))
    yield '</th><th>'
    yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'bar'))
    yield '</th><th>'
    yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'items_done'))
    yield '</th></tr>\n'
    for l_1_p in environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'phases'):
        _loop_vars = {}
        pass
        yield '<tr><td>'
        yield escape(environment.getattr(l_1_p, 'title'))
        yield '</td><td><span class="meter"><span style="width: '
        yield escape(environment.getattr(l_1_p, 'percent'))
        yield '%"></span></span> '
        yield escape(t_2(environment.getattr(l_1_p, 'percent')))
        yield '%</td><td>'
        yield escape(environment.getattr(l_1_p, 'items_done'))
        yield '/'
        yield escape(environment.getattr(l_1_p, 'items_total'))
        yield ' '
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'unit_items'))
        yield '</td></tr>\n'
    l_1_p = missing
    yield '</table>\n\n<h2>'
    yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'charts'))
    yield '</h2>\n<div class="charts">\n'
    for l_1_name in (undefined(name='chart_names') if l_0_chart_names is missing else l_0_chart_names):
        l_1_alt = resolve('alt')
        _loop_vars = {}
        pass
        yield '<picture>\n  <source media="(prefers-color-scheme: dark)" srcset="charts/'
        yield escape(l_1_name)
        yield '-dark.svg">\n  <img alt="'
        yield escape(context.call((undefined(name='alt') if l_1_alt is missing else l_1_alt), l_1_name, _loop_vars=_loop_vars))
        yield '" src="charts/'
        yield escape(l_1_name)
        yield '.svg">\n</picture>\n'
    l_1_name = l_1_alt = missing
    yield '</div>\n\n<h2>'
    yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'summary'))
    yield '</h2>\n<p><input type="search" id="filter" placeholder="'
    yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'filter'))
    yield '" aria-label="'
    yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'filter'))
    yield '"> <span id="count" class="muted"></span></p>\n<p class="muted">'
    yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'status_legend'))
    l_1_loop = missing
    for l_1_status, l_1_loop in LoopContext((undefined(name='legend') if l_0_legend is missing else l_0_legend), undefined):
        l_1_status_label = resolve('status_label')
        _loop_vars = {}
        pass
        yield escape(context.call((undefined(name='status_label') if l_1_status_label is missing else l_1_status_label), l_1_status, _loop_vars=_loop_vars))
        if (not environment.getattr(l_1_loop, 'last')):
            pass
            yield ' · '
    l_1_loop = l_1_status = l_1_status_label = missing
    yield '</p>\n<div id="checkins">\n'
    for l_1_f in (undefined(name='folded') if l_0_folded is missing else l_0_folded):
        l_1_open = missing
        _loop_vars = {}
        pass
        l_1_open = (environment.getattr(environment.getattr(l_1_f, 'table'), 'current') and (environment.getattr(l_1_f, 'this_week') or environment.getattr(l_1_f, 'later')))
        _loop_vars['open'] = l_1_open
        yield '<details class="phase"'
        if (undefined(name='open') if l_1_open is missing else l_1_open):
            pass
            yield ' open'
        yield '>\n<summary><b>'
        yield escape(environment.getattr(environment.getattr(l_1_f, 'table'), 'title'))
        yield '</b> · '
        yield escape(t_2(environment.getattr(environment.getattr(l_1_f, 'table'), 'percent')))
        yield '%'
        if environment.getattr(l_1_f, 'start'):
            pass
            yield ' · '
            yield escape(context.call((undefined(name='fmt') if l_0_fmt is missing else l_0_fmt), 'phase_span', start=environment.getattr(l_1_f, 'start'), end=environment.getattr(l_1_f, 'end'), _loop_vars=_loop_vars))
        yield '</summary>\n'
        if (undefined(name='open') if l_1_open is missing else l_1_open):
            pass
            if environment.getattr(l_1_f, 'earlier'):
                pass
                yield '<details class="part"><summary>'
                yield escape(context.call((undefined(name='fmt') if l_0_fmt is missing else l_0_fmt), 'earlier_weeks', n=t_1(environment.getattr(l_1_f, 'earlier')), _loop_vars=_loop_vars))
                yield '</summary>'
                yield escape(context.call((undefined(name='rows_table') if l_0_rows_table is missing else l_0_rows_table), environment.getattr(l_1_f, 'earlier'), _loop_vars=_loop_vars))
                yield '</details>'
            if environment.getattr(l_1_f, 'this_week'):
                pass
                yield escape(context.call((undefined(name='rows_table') if l_0_rows_table is missing else l_0_rows_table), environment.getattr(l_1_f, 'this_week'), _loop_vars=_loop_vars))
            if environment.getattr(l_1_f, 'later'):
                pass
                yield '<details class="part"><summary>'
                yield escape(context.call((undefined(name='fmt') if l_0_fmt is missing else l_0_fmt), 'later_weeks', n=t_1(environment.getattr(l_1_f, 'later')), _loop_vars=_loop_vars))
                yield '</summary>'
                yield escape(context.call((undefined(name='rows_table') if l_0_rows_table is missing else l_0_rows_table), environment.getattr(l_1_f, 'later'), _loop_vars=_loop_vars))
                yield '</details>'
        else:
            pass
            yield escape(context.call((undefined(name='rows_table') if l_0_rows_table is missing else l_0_rows_table), environment.getattr(environment.getattr(l_1_f, 'table'), 'rows'), _loop_vars=_loop_vars))
            yield '\n'
        yield '</details>\n'
    l_1_f = l_1_open = missing
    yield '</div>\n\n<h2>'
    yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'problem_log'))
    yield '</h2>\n<ul id="problems">\n'
    t_5 = 1
    for l_1_p in (undefined(name='problems') if l_0_problems is missing else l_0_problems):
        _loop_vars = {}
        pass
        yield '<li class="row">'
        yield escape(environment.getattr(l_1_p, 'date'))
        yield ' · '
        yield escape(environment.getattr(l_1_p, 'problem'))
        if environment.getattr(l_1_p, 'solution'):
            pass
            yield ' → '
            yield escape(environment.getattr(l_1_p, 'solution'))
        else:
            pass
            yield ' · <b>'
            yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'open'))
            yield '</b>'
        yield '</li>\n'
        t_5 = 0
    l_1_p = missing
    if t_5:
        pass
        yield '<li>'
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'none'))
        yield '</li>\n'
    yield '</ul>\n\n'
    if environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'milestones'):
        pass
        yield '<h2>'
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'milestones'))
        yield '</h2>\n<table>\n<tr><th>'
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'col_milestone'))
        yield '</th><th>'
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'col_due'))
        yield '</th><th>'
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'col_state'))
        yield '</th><th>'
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'col_count'))
        yield '</th><th>'
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'col_units'))
        yield '</th></tr>\n'
        for l_1_m in environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'milestones'):
            _loop_vars = {}
            pass
            yield '<tr><td>'
            yield escape(environment.getattr(l_1_m, 'title'))
            yield '</td><td>'
            yield escape(environment.getattr(l_1_m, 'due'))
            yield '</td><td>'
            yield escape(environment.getitem((undefined(name='L') if l_0_L is missing else l_0_L), markup_join(('ms_', environment.getattr(l_1_m, 'state'), ))))
            yield '</td><td>'
            yield escape(t_2(environment.getattr(l_1_m, 'percent')))
            yield '%</td><td>'
            yield escape(environment.getattr(l_1_m, 'done'))
            yield '/'
            yield escape(environment.getattr(l_1_m, 'total'))
            yield ' '
            yield escape(environment.getitem((undefined(name='L') if l_0_L is missing else l_0_L), markup_join(('unit_', environment.getattr(l_1_m, 'unit'), ))))
            yield '</td></tr>\n'
        l_1_m = missing
        yield '</table>\n'
    yield '\n<script>\n(function () {\n  "use strict";\n  var input = document.getElementById("filter");\n  var count = document.getElementById("count");\n  var rows = Array.prototype.slice.call(document.querySelectorAll(".row"));\n  var folds = Array.prototype.slice.call(document.querySelectorAll("#checkins details"));\n  var wasOpen = folds.map(function (d) { return d.open; });\n  function apply() {\n    var needle = input.value.trim().toLowerCase();\n    var shown = 0;\n    rows.forEach(function (row) {\n      var match = !needle || row.textContent.toLowerCase().indexOf(needle) !== -1;\n      row.classList.toggle("hidden", !match);\n      if (match) { shown += 1; }\n    });\n    folds.forEach(function (d, i) {\n      d.open = needle ? d.querySelector("tr.row:not(.hidden)") !== null : wasOpen[i];\n    });\n    count.textContent = needle ? shown + " / " + rows.length + " '
    yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'shown'))
    yield '" : "";\n  }\n  input.addEventListener("input", apply);\n  apply();\n})();\n</script>\n</body>\n</html>\n'

blocks = {}
debug_info = '1=38&3=45&5=57&6=64&12=150&17=152&44=156&45=158&48=162&49=170&50=186&51=190&52=210&56=214&57=220&58=224&62=238&64=240&66=245&67=247&72=253&73=255&74=259&76=271&77=275&78=278&79=282&80=291&81=293&82=300&83=303&85=312&91=317&93=320&94=324&96=342&100=345&101=348&103=350&104=360&105=364&129=381'