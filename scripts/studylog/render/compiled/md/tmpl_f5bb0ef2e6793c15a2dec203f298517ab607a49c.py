from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'readme.md.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_L = resolve('L')
    l_0_s = resolve('s')
    l_0_fmt = resolve('fmt')
    l_0_forecast_basis = resolve('forecast_basis')
    l_0_plan = resolve('plan')
    l_0_chart_names = resolve('chart_names')
    l_0_legend = resolve('legend')
    l_0_folded = resolve('folded')
    l_0_item_counts = resolve('item_counts')
    l_0_item_total = resolve('item_total')
    l_0_phase_counts = resolve('phase_counts')
    l_0_phase_total = resolve('phase_total')
    l_0_journal = resolve('journal')
    l_0_open_problems = resolve('open_problems')
    l_0_weeks = resolve('weeks')
    l_0_phases = resolve('phases')
    l_0_href = resolve('href')
    l_0_compact_table = l_0_picture = l_0_problem_line = l_0_hours_figure = l_0_milestone_table = l_0_lecture_view = missing
    try:
        t_1 = environment.filters['cell']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'cell' found.")
    try:
        t_2 = environment.filters['html']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'html' found.")
    try:
        t_3 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_4 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_5 = environment.filters['map']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'map' found.")
    try:
        t_6 = environment.filters['md']
    except KeyError:
        @internalcode
        def t_6(*unused):
            raise TemplateRuntimeError("No filter named 'md' found.")
    try:
        t_7 = environment.filters['nobreak']
    except KeyError:
        @internalcode
        def t_7(*unused):
            raise TemplateRuntimeError("No filter named 'nobreak' found.")
    try:
        t_8 = environment.filters['num']
    except KeyError:
        @internalcode
        def t_8(*unused):
            raise TemplateRuntimeError("No filter named 'num' found.")
    try:
        t_9 = environment.filters['string']
    except KeyError:
        @internalcode
        def t_9(*unused):
            raise TemplateRuntimeError("No filter named 'string' found.")
    try:
        t_10 = environment.filters['trim']
    except KeyError:
        @internalcode
        def t_10(*unused):
            raise TemplateRuntimeError("No filter named 'trim' found.")
    try:
        t_11 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_11(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    included_template = environment.get_template('_macros.j2', 'readme.md.j2').make_module(context.get_all(), True, {'compact_table': l_0_compact_table, 'hours_figure': l_0_hours_figure, 'lecture_view': l_0_lecture_view, 'milestone_table': l_0_milestone_table, 'picture': l_0_picture, 'problem_line': l_0_problem_line})
    l_0_compact_table = getattr(included_template, 'compact_table', missing)
    if l_0_compact_table is missing:
        l_0_compact_table = undefined(f"the template {included_template.__name__!r} (imported on line 1 in 'readme.md.j2') does not export the requested name 'compact_table'", name='compact_table')
    l_0_picture = getattr(included_template, 'picture', missing)
    if l_0_picture is missing:
        l_0_picture = undefined(f"the template {included_template.__name__!r} (imported on line 1 in 'readme.md.j2') does not export the requested name 'picture'", name='picture')
    l_0_problem_line = getattr(included_template, 'problem_line', missing)
    if l_0_problem_line is missing:
        l_0_problem_line = undefined(f"the template {included_template.__name__!r} (imported on line 1 in 'readme.md.j2') does not export the requested name 'problem_line'", name='problem_line')
    l_0_hours_figure = getattr(included_template, 'hours_figure', missing)
    if l_0_hours_figure is missing:
        l_0_hours_figure = undefined(f"the template {included_template.__name__!r} (imported on line 1 in 'readme.md.j2') does not export the requested name 'hours_figure'", name='hours_figure')
    l_0_milestone_table = getattr(included_template, 'milestone_table', missing)
    if l_0_milestone_table is missing:
        l_0_milestone_table = undefined(f"the template {included_template.__name__!r} (imported on line 1 in 'readme.md.j2') does not export the requested name 'milestone_table'", name='milestone_table')
    l_0_lecture_view = getattr(included_template, 'lecture_view', missing)
    if l_0_lecture_view is missing:
        l_0_lecture_view = undefined(f"the template {included_template.__name__!r} (imported on line 1 in 'readme.md.j2') does not export the requested name 'lecture_view'", name='lecture_view')
    context.vars.update({'compact_table': l_0_compact_table, 'picture': l_0_picture, 'problem_line': l_0_problem_line, 'hours_figure': l_0_hours_figure, 'milestone_table': l_0_milestone_table, 'lecture_view': l_0_lecture_view})
    context.exported_vars.difference_update(('compact_table', 'picture', 'problem_line', 'hours_figure', 'milestone_table', 'lecture_view'))
    yield '<!-- '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'generated'))
    yield ' as-of: '
    yield str(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'as_of'))
    yield ' -->\n\n## 📊 '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'progress'))
    yield ' · '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'as_of'))
    yield ' '
    yield str(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'as_of'))
    yield '\n\n**'
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'overall'))
    yield ' '
    yield str(t_8(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'overall_percent')))
    yield '%** · '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'planned'))
    yield ' '
    yield str(t_8(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'expected_percent')))
    yield '% · '
    if (environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'days_ahead') > 0):
        pass
        yield '⏩ '
        yield str(context.call((undefined(name='fmt') if l_0_fmt is missing else l_0_fmt), 'ahead', n=environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'days_ahead')))
    elif (environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'days_ahead') < 0):
        pass
        yield '⏪ '
        yield str(context.call((undefined(name='fmt') if l_0_fmt is missing else l_0_fmt), 'behind', n=(-environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'days_ahead'))))
    else:
        pass
        yield '✅ '
        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'on_schedule'))
    yield '<br>\n🏁 '
    if environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'forecast_finish'):
        pass
        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'forecast'))
        yield ' '
        yield str(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'forecast_finish'))
    else:
        pass
        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'no_forecast'))
    yield ' · 🔥 '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'streak'))
    yield ' '
    yield str(context.call((undefined(name='fmt') if l_0_fmt is missing else l_0_fmt), 'n_days', n=environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'streak_current')))
    yield ' · ⏱ '
    yield str(context.call((undefined(name='hours_figure') if l_0_hours_figure is missing else l_0_hours_figure)))
    yield '\n\n| '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'phase'))
    yield ' | '
    yield str(t_7(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'bar')))
    yield ' | '
    yield str(t_7(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'items_done')))
    yield ' |\n|---|---|--:|\n'
    for l_1_p in environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'phases'):
        l_1_bar = resolve('bar')
        _loop_vars = {}
        pass
        yield '| '
        yield str(t_1(environment.getattr(l_1_p, 'title')))
        yield ' | `'
        yield str(context.call((undefined(name='bar') if l_1_bar is missing else l_1_bar), environment.getattr(l_1_p, 'percent'), _loop_vars=_loop_vars))
        yield '`&nbsp;'
        yield str(t_8(environment.getattr(l_1_p, 'percent')))
        yield '% | '
        yield str(t_7(str_join((environment.getattr(l_1_p, 'items_done'), '/', environment.getattr(l_1_p, 'items_total'), ' ', environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'unit_items'), ))))
        yield ' |\n'
    l_1_p = l_1_bar = missing
    yield '\n'
    yield str(context.call((undefined(name='fmt') if l_0_fmt is missing else l_0_fmt), 'forecast_note', basis=(undefined(name='forecast_basis') if l_0_forecast_basis is missing else l_0_forecast_basis), end=environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'end')))
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'basis_note'))
    yield '\n\n### 📈 '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'charts'))
    yield '\n\n'
    for l_1_name in (undefined(name='chart_names') if l_0_chart_names is missing else l_0_chart_names):
        l_1_CHART_DIR = resolve('CHART_DIR')
        _loop_vars = {}
        pass
        yield str(context.call((undefined(name='picture') if l_0_picture is missing else l_0_picture), l_1_name, str_join(((undefined(name='CHART_DIR') if l_1_CHART_DIR is missing else l_1_CHART_DIR), '/', )), _loop_vars=_loop_vars))
        yield '\n\n'
    l_1_name = l_1_CHART_DIR = missing
    if environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'is_lecture_plan'):
        pass
        yield str(context.call((undefined(name='lecture_view') if l_0_lecture_view is missing else l_0_lecture_view)))
        yield '\n'
    else:
        pass
        yield '### 🗓 '
        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'summary'))
        yield '\n\n'
        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'status_legend'))
        l_1_loop = missing
        for l_1_status, l_1_loop in LoopContext((undefined(name='legend') if l_0_legend is missing else l_0_legend), undefined):
            l_1_status_label = resolve('status_label')
            _loop_vars = {}
            pass
            yield str(t_7(context.call((undefined(name='status_label') if l_1_status_label is missing else l_1_status_label), l_1_status, _loop_vars=_loop_vars)))
            if (not environment.getattr(l_1_loop, 'last')):
                pass
                yield ' · '
        l_1_loop = l_1_status = l_1_status_label = missing
        yield '\n'
        for l_1_f in (undefined(name='folded') if l_0_folded is missing else l_0_folded):
            l_1_open = missing
            _loop_vars = {}
            pass
            l_1_open = (environment.getattr(environment.getattr(l_1_f, 'table'), 'current') and (environment.getattr(l_1_f, 'this_week') or environment.getattr(l_1_f, 'later')))
            _loop_vars['open'] = l_1_open
            yield '<details'
            if (undefined(name='open') if l_1_open is missing else l_1_open):
                pass
                yield ' open'
            yield '>\n<summary><b>'
            yield str(t_2(environment.getattr(environment.getattr(l_1_f, 'table'), 'title')))
            yield '</b> · '
            yield str(t_8(environment.getattr(environment.getattr(l_1_f, 'table'), 'percent')))
            yield '%'
            if environment.getattr(l_1_f, 'start'):
                pass
                yield ' · '
                yield str(context.call((undefined(name='fmt') if l_0_fmt is missing else l_0_fmt), 'phase_span', start=t_7(t_9(environment.getattr(l_1_f, 'start'))), end=t_7(t_9(environment.getattr(l_1_f, 'end'))), _loop_vars=_loop_vars))
            yield '</summary>\n\n'
            if (undefined(name='open') if l_1_open is missing else l_1_open):
                pass
                if environment.getattr(l_1_f, 'earlier'):
                    pass
                    yield '<details>\n<summary>'
                    yield str(context.call((undefined(name='fmt') if l_0_fmt is missing else l_0_fmt), 'earlier_weeks', n=t_4(environment.getattr(l_1_f, 'earlier')), _loop_vars=_loop_vars))
                    yield '</summary>\n\n'
                    yield str(context.call((undefined(name='compact_table') if l_0_compact_table is missing else l_0_compact_table), environment.getattr(l_1_f, 'earlier'), '', _loop_vars=_loop_vars))
                    yield '\n\n</details>\n\n'
                if environment.getattr(l_1_f, 'this_week'):
                    pass
                    yield str(context.call((undefined(name='compact_table') if l_0_compact_table is missing else l_0_compact_table), environment.getattr(l_1_f, 'this_week'), '', _loop_vars=_loop_vars))
                    yield '\n\n'
                if environment.getattr(l_1_f, 'later'):
                    pass
                    yield '<details>\n<summary>'
                    yield str(context.call((undefined(name='fmt') if l_0_fmt is missing else l_0_fmt), 'later_weeks', n=t_4(environment.getattr(l_1_f, 'later')), _loop_vars=_loop_vars))
                    yield '</summary>\n\n'
                    yield str(context.call((undefined(name='compact_table') if l_0_compact_table is missing else l_0_compact_table), environment.getattr(l_1_f, 'later'), '', _loop_vars=_loop_vars))
                    yield '\n\n</details>\n\n'
            else:
                pass
                yield str(context.call((undefined(name='compact_table') if l_0_compact_table is missing else l_0_compact_table), environment.getattr(environment.getattr(l_1_f, 'table'), 'rows'), '', _loop_vars=_loop_vars))
                yield '\n\n'
            yield '</details>\n\n'
        l_1_f = l_1_open = missing
    yield '### 📋 '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'statistics'))
    yield '\n\n| | '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'stat_done'))
    yield ' | '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'stat_in_progress'))
    yield ' | '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'stat_not_started'))
    yield ' |\n|---|---|---|---|\n| '
    yield str(t_7((environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'lectures') if environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'is_lecture_plan') else environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'stat_items'))))
    yield ' | '
    yield str(environment.getattr((undefined(name='item_counts') if l_0_item_counts is missing else l_0_item_counts), 'done'))
    yield '/'
    yield str((undefined(name='item_total') if l_0_item_total is missing else l_0_item_total))
    yield ' | '
    yield str(environment.getattr((undefined(name='item_counts') if l_0_item_counts is missing else l_0_item_counts), 'in_progress'))
    yield '/'
    yield str((undefined(name='item_total') if l_0_item_total is missing else l_0_item_total))
    yield ' | '
    yield str(environment.getattr((undefined(name='item_counts') if l_0_item_counts is missing else l_0_item_counts), 'not_started'))
    yield '/'
    yield str((undefined(name='item_total') if l_0_item_total is missing else l_0_item_total))
    yield ' |\n| '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'stat_phases'))
    yield ' | '
    yield str(environment.getattr((undefined(name='phase_counts') if l_0_phase_counts is missing else l_0_phase_counts), 'done'))
    yield '/'
    yield str((undefined(name='phase_total') if l_0_phase_total is missing else l_0_phase_total))
    yield ' | '
    yield str(environment.getattr((undefined(name='phase_counts') if l_0_phase_counts is missing else l_0_phase_counts), 'in_progress'))
    yield '/'
    yield str((undefined(name='phase_total') if l_0_phase_total is missing else l_0_phase_total))
    yield ' | '
    yield str(environment.getattr((undefined(name='phase_counts') if l_0_phase_counts is missing else l_0_phase_counts), 'not_started'))
    yield '/'
    yield str((undefined(name='phase_total') if l_0_phase_total is missing else l_0_phase_total))
    yield ' |\n'
    if environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'milestones'):
        pass
        yield '\n#### 🎯 '
        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'milestones'))
        yield '\n\n'
        yield str(t_10(context.call((undefined(name='milestone_table') if l_0_milestone_table is missing else l_0_milestone_table), environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'milestones'))))
        yield '\n'
    if (undefined(name='journal') if l_0_journal is missing else l_0_journal):
        pass
        yield '\n### 📝 '
        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'journal'))
        yield '\n\n'
        l_1_loop = missing
        for l_1_c, l_1_loop in LoopContext((undefined(name='journal') if l_0_journal is missing else l_0_journal), undefined):
            l_1_status_label = resolve('status_label')
            l_1_task_of = resolve('task_of')
            _loop_vars = {}
            pass
            if (environment.getattr(l_1_loop, 'index') == 2):
                pass
                yield '<details>\n<summary>'
                yield str(context.call((undefined(name='fmt') if l_0_fmt is missing else l_0_fmt), 'more_journal', n=(t_4((undefined(name='journal') if l_0_journal is missing else l_0_journal)) - 1), _loop_vars=_loop_vars))
                yield '</summary>\n\n'
            yield '**'
            yield str(environment.getattr(l_1_c, 'date'))
            yield '** · '
            yield str(context.call((undefined(name='status_label') if l_1_status_label is missing else l_1_status_label), environment.getattr(l_1_c, 'status'), _loop_vars=_loop_vars))
            if (not t_11(environment.getattr(l_1_c, 'hours'))):
                pass
                yield ' · ⏱ '
                yield str(t_8(environment.getattr(l_1_c, 'hours')))
                yield ' '
                yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'hours_unit'))
            yield ' · '
            yield str(t_6(environment.getitem((undefined(name='task_of') if l_1_task_of is missing else l_1_task_of), environment.getattr(l_1_c, 'path'))))
            yield '\n\n'
            def t_12(fiter):
                for (l_2_key, l_2_entries) in fiter:
                    if l_2_entries:
                        yield (l_2_key, l_2_entries)
            for (l_2_key, l_2_entries) in t_12((('done_today', environment.getattr(l_1_c, 'done')), ('insights', environment.getattr(l_1_c, 'insights')), ('next', environment.getattr(l_1_c, 'next')), ('resources', environment.getattr(l_1_c, 'resources')))):
                _loop_vars = {}
                pass
                yield '- '
                yield str(environment.getitem((undefined(name='L') if l_0_L is missing else l_0_L), l_2_key))
                yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'colon'))
                yield str(t_3(context.eval_ctx, t_5(context, l_2_entries, 'md'), environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'sep')))
                yield '\n'
            l_2_key = l_2_entries = missing
            for l_2_p in environment.getattr(l_1_c, 'problems'):
                _loop_vars = {}
                pass
                yield '- '
                yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'col_problem'))
                yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'colon'))
                yield str(t_6(environment.getattr(l_2_p, 'problem')))
                if environment.getattr(l_2_p, 'solution'):
                    pass
                    yield ' → '
                    yield str(t_6(environment.getattr(l_2_p, 'solution')))
                yield '\n'
            l_2_p = missing
            if environment.getattr(l_1_c, 'notes'):
                pass
                yield '- '
                yield str(t_6(environment.getattr(l_1_c, 'notes')))
                yield '\n'
            yield '\n'
            if (environment.getattr(l_1_loop, 'last') and (environment.getattr(l_1_loop, 'length') > 1)):
                pass
                yield '</details>\n\n'
        l_1_loop = l_1_c = l_1_status_label = l_1_task_of = missing
    yield '### 🚧 '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'blockers'))
    yield '\n\n'
    t_13 = 1
    for l_1_p in (undefined(name='open_problems') if l_0_open_problems is missing else l_0_open_problems):
        _loop_vars = {}
        pass
        yield '- '
        yield str(context.call((undefined(name='problem_line') if l_0_problem_line is missing else l_0_problem_line), l_1_p, '', _loop_vars=_loop_vars))
        yield '\n'
        t_13 = 0
    l_1_p = missing
    if t_13:
        pass
        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'no_blockers'))
        yield '\n'
    yield '\n### 📚 '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'reports'))
    yield '\n\n'
    if (undefined(name='weeks') if l_0_weeks is missing else l_0_weeks):
        pass
        yield '- '
        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'weekly_reviews'))
        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'colon'))
        l_1_loop = missing
        for l_1_w, l_1_loop in LoopContext((undefined(name='weeks') if l_0_weeks is missing else l_0_weeks), undefined):
            l_1_week_title = resolve('week_title')
            _loop_vars = {}
            pass
            yield '['
            yield str(context.call((undefined(name='week_title') if l_1_week_title is missing else l_1_week_title), l_1_w, _loop_vars=_loop_vars))
            yield '](reports/weekly/'
            yield str(environment.getattr(l_1_w, 'id'))
            yield '.md)'
            if (not environment.getattr(l_1_loop, 'last')):
                pass
                yield ' · '
        l_1_loop = l_1_w = l_1_week_title = missing
        yield '\n'
    if (undefined(name='phases') if l_0_phases is missing else l_0_phases):
        pass
        yield '- '
        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'phase_reviews'))
        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'colon'))
        l_1_loop = missing
        for l_1_p, l_1_loop in LoopContext((undefined(name='phases') if l_0_phases is missing else l_0_phases), undefined):
            l_1_link = resolve('link')
            _loop_vars = {}
            pass
            yield str(context.call((undefined(name='link') if l_1_link is missing else l_1_link), environment.getattr(l_1_p, 'title'), str_join(('reports/phases/', environment.getattr(l_1_p, 'id'), '.md', )), False, '', _loop_vars=_loop_vars))
            if (not environment.getattr(l_1_loop, 'last')):
                pass
                yield ' · '
        l_1_loop = l_1_p = l_1_link = missing
        yield '\n'
    yield '- ['
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'problem_log'))
    yield '](reports/problems.md) · '
    if environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'pages_url'):
        pass
        yield '['
        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'dashboard'))
        yield '](<'
        yield str(context.call((undefined(name='href') if l_0_href is missing else l_0_href), environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'pages_url'), True))
        yield '>)'
    else:
        pass
        yield '['
        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'dashboard'))
        yield '](reports/index.html)'
    yield ' · ['
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'calendar_feed'))
    yield ']('
    if environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'pages_url'):
        pass
        yield '<'
        yield str(context.call((undefined(name='href') if l_0_href is missing else l_0_href), str_join((environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'pages_url'), 'plan.ics', )), True))
        yield '>'
    else:
        pass
        yield 'reports/plan.ics'
    yield ')\n'

blocks = {}
debug_info = '1=95&2=117&4=121&6=127&7=148&9=163&11=169&12=174&15=184&17=187&19=189&20=193&23=196&24=198&26=203&28=205&30=217&31=221&32=224&33=228&35=237&36=239&38=242&40=244&45=246&46=248&49=250&51=253&53=255&59=259&66=264&68=266&70=272&71=286&72=300&74=303&76=305&78=307&80=310&82=313&83=318&85=321&88=324&90=336&91=344&93=349&94=353&97=362&98=365&101=368&107=373&109=376&110=380&112=386&115=389&117=391&118=394&121=411&122=414&125=428'