from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'print.html.j2'

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
    l_0_forecast_basis = resolve('forecast_basis')
    l_0_folded = resolve('folded')
    l_0_chart_names = resolve('chart_names')
    l_0_legend = resolve('legend')
    l_0_weeks = resolve('weeks')
    l_0_ahead = resolve('ahead')
    l_0_problem_groups = resolve('problem_groups')
    l_0_hours_figure = missing
    try:
        t_1 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_2 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_3 = environment.filters['map']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'map' found.")
    try:
        t_4 = environment.filters['num']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'num' found.")
    try:
        t_5 = environment.filters['reject']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'reject' found.")
    try:
        t_6 = environment.filters['truncate']
    except KeyError:
        @internalcode
        def t_6(*unused):
            raise TemplateRuntimeError("No filter named 'truncate' found.")
    try:
        t_7 = environment.filters['unique']
    except KeyError:
        @internalcode
        def t_7(*unused):
            raise TemplateRuntimeError("No filter named 'unique' found.")
    try:
        t_8 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_8(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    included_template = environment.get_template('_macros.j2', 'print.html.j2').make_module(context.get_all(), True, {'hours_figure': l_0_hours_figure})
    l_0_hours_figure = getattr(included_template, 'hours_figure', missing)
    if l_0_hours_figure is missing:
        l_0_hours_figure = undefined(f"the template {included_template.__name__!r} (imported on line 1 in 'print.html.j2') does not export the requested name 'hours_figure'", name='hours_figure')
    context.vars['hours_figure'] = l_0_hours_figure
    context.exported_vars.discard('hours_figure')
    yield '<!DOCTYPE html>\n<html lang="'
    yield escape(environment.getattr(environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'locale'), 'value'))
    yield '">\n<head>\n<meta charset="utf-8">\n<title>'
    yield escape(environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'title'))
    yield ' · '
    yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'journey'))
    yield ' · '
    yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'as_of'))
    yield '</title>\n<style>\n@page { size: A4; margin: 12mm 11mm; }\nbody { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; color: #1f2328; font-size: 9.5pt; line-height: 1.4; margin: 0; }\nh1 { font-size: 17pt; margin: 0 0 2pt; }\nh2 { font-size: 12.5pt; border-bottom: 1px solid #d1d9e0; padding-bottom: 1pt; margin: 12pt 0 4pt; break-after: avoid; }\nh3 { font-size: 10.5pt; margin: 8pt 0 3pt; break-after: avoid; }\np { margin: 2pt 0 4pt; }\n.muted { color: #59636e; }\n.headline { font-size: 10.5pt; margin: 2pt 0 6pt; }\ntable { border-collapse: collapse; width: 100%; font-size: 8.5pt; margin: 2pt 0 6pt; }\nth, td { border: 1px solid #d1d9e0; padding: 1.5pt 4pt; text-align: left; vertical-align: top; }\nth { background: #f6f8fa; } tr { break-inside: avoid; }\ntd.nowrap, th.nowrap { white-space: nowrap; }\ntd.name { min-width: 6em; }\ntd.num { text-align: right; white-space: nowrap; }\n.words { margin: 1pt 0 0; padding-left: 10pt; color: #31373d; }\n.words li { margin: 0; }\n.charts { display: grid; grid-template-columns: 1fr 1fr; gap: 4pt 10pt; align-items: start; }\n.charts img { width: 100%; break-inside: avoid; }\n.charts img.wide { grid-column: 1 / -1; width: 78%; justify-self: center; }\n.review { border-left: 3px solid #8250df; padding: 2pt 6pt; margin: 3pt 0 6pt; background: #fbf8ff; white-space: pre-wrap; break-inside: avoid; }\n.week { break-inside: auto; }\nul { margin: 2pt 0; padding-left: 14pt; }\n</style>\n</head>\n<body>\n<h1>'
    yield escape(environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'title'))
    yield '</h1>\n<p class="muted">'
    yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'journey'))
    yield ' · '
    yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'as_of'))
    yield ' '
    yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'as_of'))
    yield ' · '
    yield escape(environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'start'))
    yield ' → '
    yield escape(environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'end'))
    yield '</p>\n<p class="headline"><b>'
    yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'overall'))
    yield ' '
    yield escape(t_4(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'overall_percent')))
    yield '%</b>'
    yield escape(context.call((undefined(name='fmt') if l_0_fmt is missing else l_0_fmt), 'planned_paren', percent=t_4(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'expected_percent'))))
    yield '· '
    if (environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'days_ahead') > 0):
        pass
        yield '⏩ '
        yield escape(context.call((undefined(name='fmt') if l_0_fmt is missing else l_0_fmt), 'ahead', n=environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'days_ahead')))
    elif (environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'days_ahead') < 0):
        pass
        yield '⏪ '
        yield escape(context.call((undefined(name='fmt') if l_0_fmt is missing else l_0_fmt), 'behind', n=(-environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'days_ahead'))))
    else:
        pass
        yield '✅ '
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'on_schedule'))
    yield ' · 🏁 '
    if environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'forecast_finish'):
        pass
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'forecast'))
        yield ' '
        yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'forecast_finish'))
    else:
        pass
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'no_forecast'))
    yield ' · 🔥 '
    yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'streak'))
    yield ' '
    yield escape(context.call((undefined(name='fmt') if l_0_fmt is missing else l_0_fmt), 'n_days', n=environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'streak_current')))
    yield ' · ⏱ '
    yield escape(context.call((undefined(name='hours_figure') if l_0_hours_figure is missing else l_0_hours_figure)))
    yield '</p>\n<p class="muted">'
    yield escape(context.call((undefined(name='fmt') if l_0_fmt is missing else l_0_fmt), 'forecast_note', basis=(undefined(name='forecast_basis') if l_0_forecast_basis is missing else l_0_forecast_basis), end=environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'end')))
    yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'basis_note'))
    yield '</p>\n\n<table>\n<tr><th>'
    yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'phase'))
    yield '</th><th class="nowrap">'
    yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'bar'))
    yield '</th><th class="nowrap">'
    yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'items_done'))
    yield '</th><th class="nowrap">'
    yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'hours'))
    yield '</th><th class="nowrap">'
    yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'col_date'))
    yield '</th></tr>\n'
    l_1_loop = missing
    for l_1_f, l_1_loop in LoopContext((undefined(name='folded') if l_0_folded is missing else l_0_folded), undefined):
        _loop_vars = {}
        pass
        yield '<tr><td class="name">'
        yield escape(environment.getattr(environment.getattr(l_1_f, 'table'), 'title'))
        yield '</td><td class="num">'
        yield escape(t_4(environment.getattr(environment.getattr(l_1_f, 'table'), 'percent')))
        yield '%</td><td class="num">'
        yield escape(environment.getattr(environment.getitem(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'phases'), environment.getattr(l_1_loop, 'index0')), 'items_done'))
        yield '/'
        yield escape(environment.getattr(environment.getitem(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'phases'), environment.getattr(l_1_loop, 'index0')), 'items_total'))
        yield ' '
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'unit_items'))
        yield '</td><td class="num">'
        yield escape(t_4(environment.getattr(environment.getitem(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'phases'), environment.getattr(l_1_loop, 'index0')), 'hours')))
        yield '</td><td class="nowrap">'
        if environment.getattr(l_1_f, 'start'):
            pass
            yield escape(environment.getattr(l_1_f, 'start'))
            yield ' → '
            yield escape(environment.getattr(l_1_f, 'end'))
        yield '</td></tr>\n'
    l_1_loop = l_1_f = missing
    yield '</table>\n'
    if environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'milestones'):
        pass
        yield '<table>\n<tr><th class="nowrap">#</th><th>'
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'col_milestone'))
        yield '</th><th class="nowrap">'
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'col_due'))
        yield '</th><th class="nowrap">'
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'col_state'))
        yield '</th><th class="nowrap">'
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'col_count'))
        yield '</th><th class="nowrap">'
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'col_units'))
        yield '</th></tr>\n'
        l_1_loop = missing
        for l_1_m, l_1_loop in LoopContext(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'milestones'), undefined):
            _loop_vars = {}
            pass
            yield '<tr><td class="num">'
            yield escape(environment.getattr(l_1_loop, 'index'))
            yield '</td><td>'
            yield escape(environment.getattr(l_1_m, 'title'))
            yield '</td><td class="nowrap">'
            yield escape(environment.getattr(l_1_m, 'due'))
            yield '</td><td class="nowrap">'
            yield escape(environment.getitem((undefined(name='L') if l_0_L is missing else l_0_L), markup_join(('ms_', environment.getattr(l_1_m, 'state'), ))))
            yield '</td><td class="num">'
            yield escape(t_4(environment.getattr(l_1_m, 'percent')))
            yield '%</td><td class="num">'
            yield escape(environment.getattr(l_1_m, 'done'))
            yield '/'
            yield escape(environment.getattr(l_1_m, 'total'))
            yield ' '
            yield escape(environment.getitem((undefined(name='L') if l_0_L is missing else l_0_L), markup_join(('unit_', environment.getattr(l_1_m, 'unit'), ))))
            yield '</td></tr>\n'
        l_1_loop = l_1_m = missing
        yield '</table>\n'
    yield '\n<h2>'
    yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'charts'))
    yield '</h2>\n<div class="charts">\n'
    for l_1_name in (undefined(name='chart_names') if l_0_chart_names is missing else l_0_chart_names):
        l_1_alt = resolve('alt')
        l_1_chart_uri = resolve('chart_uri')
        _loop_vars = {}
        pass
        yield '<img'
        if (l_1_name == 'burnup'):
            pass
            yield ' class="wide"'
        yield ' alt="'
        yield escape(context.call((undefined(name='alt') if l_1_alt is missing else l_1_alt), l_1_name, _loop_vars=_loop_vars))
        yield '" src="'
        yield escape(context.call((undefined(name='chart_uri') if l_1_chart_uri is missing else l_1_chart_uri), l_1_name, _loop_vars=_loop_vars))
        yield '">\n'
    l_1_name = l_1_alt = l_1_chart_uri = missing
    yield '</div>\n\n<h2>'
    yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'summary'))
    yield '</h2>\n<p class="muted">'
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
    yield '</p>\n'
    l_1_loop = missing
    for l_1_w, l_1_loop in LoopContext((undefined(name='weeks') if l_0_weeks is missing else l_0_weeks), undefined):
        l_1_week_title = resolve('week_title')
        l_1_notes = resolve('notes')
        _loop_vars = {}
        pass
        yield '<div class="week">\n<h3>'
        yield escape(context.call((undefined(name='fmt') if l_0_fmt is missing else l_0_fmt), 'week_header', week=context.call((undefined(name='week_title') if l_1_week_title is missing else l_1_week_title), l_1_w, _loop_vars=_loop_vars), start=environment.getattr(l_1_w, 'start'), end=environment.getattr(l_1_w, 'end'), _loop_vars=_loop_vars))
        yield ' <span class="muted">· '
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'checked_in'))
        yield ' '
        yield escape(environment.getattr(l_1_w, 'checked_in'))
        yield ' · '
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'missed_days'))
        yield ' '
        yield escape(environment.getattr(l_1_w, 'missed'))
        yield ' · ⏱ '
        yield escape(t_4(environment.getattr(l_1_w, 'hours')))
        if (not t_8(environment.getattr(l_1_w, 'target'))):
            pass
            yield ' / '
            yield escape(t_4(environment.getattr(l_1_w, 'target')))
        yield '</span></h3>\n<table>\n<tr><th class="nowrap">'
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'col_date'))
        yield '</th><th class="nowrap">'
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'col_status_short'))
        yield '</th><th class="nowrap">⏱</th><th>'
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'col_task'))
        yield '</th><th>'
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'problem_solution'))
        yield '</th><th>'
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'col_links'))
        yield '</th></tr>\n'
        l_2_loop = missing
        for l_2_r, l_2_loop in LoopContext(environment.getattr(l_1_w, 'rows'), undefined):
            l_2_checkin_of = resolve('checkin_of')
            l_2_status_emoji = resolve('status_emoji')
            l_2_c = missing
            _loop_vars = {}
            pass
            l_2_c = context.call(environment.getattr((undefined(name='checkin_of') if l_2_checkin_of is missing else l_2_checkin_of), 'get'), environment.getattr(l_2_r, 'checkin'), _loop_vars=_loop_vars)
            _loop_vars['c'] = l_2_c
            yield '<tr><td class="nowrap">'
            yield escape(context.call(environment.getattr(environment.getattr(l_2_r, 'date'), 'strftime'), '%m-%d', _loop_vars=_loop_vars))
            yield '</td><td class="nowrap">'
            yield escape(context.call((undefined(name='status_emoji') if l_2_status_emoji is missing else l_2_status_emoji), environment.getattr(l_2_r, 'status'), _loop_vars=_loop_vars))
            yield '</td><td class="num">'
            yield escape((t_4(environment.getattr(l_2_r, 'hours')) if (not t_8(environment.getattr(l_2_r, 'hours'))) else ''))
            yield '</td><td>'
            yield escape(environment.getattr(l_2_r, 'task'))
            if (undefined(name='c') if l_2_c is missing else l_2_c):
                pass
                yield '<ul class="words">'
                def t_9(fiter):
                    for (l_3_key, l_3_entries) in fiter:
                        if l_3_entries:
                            yield (l_3_key, l_3_entries)
                for (l_3_key, l_3_entries) in t_9((('done_today', environment.getattr((undefined(name='c') if l_2_c is missing else l_2_c), 'done')), ('insights', environment.getattr((undefined(name='c') if l_2_c is missing else l_2_c), 'insights')), ('next', environment.getattr((undefined(name='c') if l_2_c is missing else l_2_c), 'next')), ('resources', environment.getattr((undefined(name='c') if l_2_c is missing else l_2_c), 'resources')))):
                    _loop_vars = {}
                    pass
                    yield '<li>'
                    yield escape(environment.getitem((undefined(name='L') if l_0_L is missing else l_0_L), l_3_key))
                    yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'colon'))
                    yield escape(t_1(context.eval_ctx, l_3_entries, environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'sep')))
                    yield '</li>'
                l_3_key = l_3_entries = missing
                if environment.getattr((undefined(name='c') if l_2_c is missing else l_2_c), 'notes'):
                    pass
                    yield '<li>'
                    yield escape(environment.getattr((undefined(name='c') if l_2_c is missing else l_2_c), 'notes'))
                    yield '</li>'
                yield '</ul>'
            yield '</td><td>'
            l_3_loop = missing
            for l_3_x, l_3_loop in LoopContext(environment.getattr(l_2_r, 'problems'), undefined):
                _loop_vars = {}
                pass
                yield escape(l_3_x)
                if environment.getitem(environment.getattr(l_2_r, 'solutions'), environment.getattr(l_3_loop, 'index0')):
                    pass
                    yield ' → '
                    yield escape(environment.getitem(environment.getattr(l_2_r, 'solutions'), environment.getattr(l_3_loop, 'index0')))
                if (not environment.getattr(l_3_loop, 'last')):
                    pass
                    yield '<br>'
            l_3_loop = l_3_x = missing
            yield '</td><td>'
            l_3_loop = missing
            for l_3_l, l_3_loop in LoopContext(environment.getattr(l_2_r, 'links'), undefined):
                l_3_short_link = resolve('short_link')
                _loop_vars = {}
                pass
                yield escape(context.call((undefined(name='short_link') if l_3_short_link is missing else l_3_short_link), l_3_l, _loop_vars=_loop_vars))
                if (not environment.getattr(l_3_loop, 'last')):
                    pass
                    yield '<br>'
            l_3_loop = l_3_l = l_3_short_link = missing
            yield '</td></tr>\n'
        l_2_loop = l_2_r = l_2_checkin_of = l_2_c = l_2_status_emoji = missing
        yield '</table>\n'
        if environment.getattr(l_1_w, 'carry_over'):
            pass
            yield '<p class="muted">'
            yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'carry_over'))
            yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'colon'))
            l_2_loop = missing
            for (l_2_id, l_2_title), l_2_loop in LoopContext(environment.getattr(l_1_w, 'carry_over'), undefined):
                _loop_vars = {}
                pass
                yield escape(l_2_title)
                if (not environment.getattr(l_2_loop, 'last')):
                    pass
                    yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'sep'))
            l_2_loop = l_2_id = l_2_title = missing
            yield '</p>'
        if context.call(environment.getattr((undefined(name='notes') if l_1_notes is missing else l_1_notes), 'get'), environment.getattr(l_1_w, 'id'), _loop_vars=_loop_vars):
            pass
            yield '<div class="review"><b>'
            yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'my_review'))
            yield '</b>\n'
            yield escape(environment.getitem((undefined(name='notes') if l_1_notes is missing else l_1_notes), environment.getattr(l_1_w, 'id')))
            yield '</div>'
        yield '</div>\n'
    l_1_loop = l_1_w = l_1_week_title = l_1_notes = missing
    yield '\n'
    if (undefined(name='ahead') if l_0_ahead is missing else l_0_ahead):
        pass
        yield '<h2>'
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'upcoming_summary'))
        yield '</h2>\n<table>\n<tr><th>'
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'phase'))
        yield '</th><th class="nowrap">'
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'col_date'))
        yield '</th><th class="nowrap">'
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'days'))
        yield '</th><th>'
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'col_task'))
        yield '</th></tr>\n'
        for (l_1_title, l_1_rows) in (undefined(name='ahead') if l_0_ahead is missing else l_0_ahead):
            _loop_vars = {}
            pass
            yield '<tr><td class="name">'
            yield escape(l_1_title)
            yield '</td><td class="nowrap">'
            yield escape(environment.getattr(environment.getitem(l_1_rows, 0), 'date'))
            yield ' → '
            yield escape(environment.getattr(environment.getitem(l_1_rows, -1), 'date'))
            yield '</td><td class="num">'
            yield escape(t_2(l_1_rows))
            yield '</td><td>'
            yield escape(t_6(environment, t_1(context.eval_ctx, t_7(environment, t_5(context, t_3(context, l_1_rows, attribute='task'), 'equalto', '')), environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'sep')), 300))
            yield '</td></tr>\n'
        l_1_title = l_1_rows = missing
        yield '</table>\n'
    yield '\n<h2>'
    yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'problem_log'))
    yield '</h2>\n'
    t_10 = 1
    for (l_1_title, l_1_found) in (undefined(name='problem_groups') if l_0_problem_groups is missing else l_0_problem_groups):
        _loop_vars = {}
        pass
        yield '<h3>'
        yield escape(l_1_title)
        yield '</h3>\n<ul>'
        for l_2_p in l_1_found:
            _loop_vars = {}
            pass
            yield '<li>'
            yield escape(environment.getattr(l_2_p, 'date'))
            yield ' · '
            yield escape(environment.getattr(l_2_p, 'problem'))
            if environment.getattr(l_2_p, 'solution'):
                pass
                yield ' → '
                yield escape(environment.getattr(l_2_p, 'solution'))
            else:
                pass
                yield ' · <b>'
                yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'open'))
                yield '</b>'
            yield '</li>'
        l_2_p = missing
        yield '</ul>\n'
        t_10 = 0
    l_1_title = l_1_found = missing
    if t_10:
        pass
        yield '<p>'
        yield escape(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'none'))
        yield '</p>\n'
    yield '</body>\n</html>\n'

blocks = {}
debug_info = '1=71&3=78&6=80&33=86&34=88&35=98&36=132&39=135&40=146&43=170&45=173&46=184&51=207&53=209&57=225&58=227&59=240&61=246&63=262&64=273&67=339&68=354&69=359&73=364&74=367&76=369&77=377&82=394&83=397&84=401&85=403&86=427'