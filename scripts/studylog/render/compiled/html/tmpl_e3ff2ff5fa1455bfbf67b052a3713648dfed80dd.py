from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = '_macros.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_day_table = l_0_picture = l_0_compact_table = l_0_problem_line = l_0_hours_figure = l_0_milestone_table = l_0_lecture_view = missing
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
        t_10 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_10(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    def macro(l_1_rows, l_1_from_dir):
        t_11 = []
        l_1_L = resolve('L')
        if l_1_rows is missing:
            l_1_rows = undefined("parameter 'rows' was not provided", name='rows')
        if l_1_from_dir is missing:
            l_1_from_dir = undefined("parameter 'from_dir' was not provided", name='from_dir')
        pass
        t_11.extend((
            '| ',
            escape(environment.getattr((undefined(name='L') if l_1_L is missing else l_1_L), 'col_week')),
            ' | ',
            escape(environment.getattr((undefined(name='L') if l_1_L is missing else l_1_L), 'col_date')),
            ' | ',
            escape(environment.getattr((undefined(name='L') if l_1_L is missing else l_1_L), 'col_status')),
            ' | ',
            escape(environment.getattr((undefined(name='L') if l_1_L is missing else l_1_L), 'col_task')),
            ' | ',
            escape(environment.getattr((undefined(name='L') if l_1_L is missing else l_1_L), 'col_problem')),
            ' | ',
            escape(environment.getattr((undefined(name='L') if l_1_L is missing else l_1_L), 'col_solution')),
            ' | ',
            escape(environment.getattr((undefined(name='L') if l_1_L is missing else l_1_L), 'col_links')),
            ' | ',
            escape(environment.getattr((undefined(name='L') if l_1_L is missing else l_1_L), 'col_phase_percent')),
            ' |\n|---|---|---|---|---|---|---|---|\n',
        ))
        l_2_loop = missing
        for l_2_r, l_2_loop in LoopContext(l_1_rows, undefined):
            l_2_week_label = resolve('week_label')
            l_2_status_label = resolve('status_label')
            l_2_links_cell = resolve('links_cell')
            l_2_pct = resolve('pct')
            _loop_vars = {}
            pass
            t_11.extend((
                '| ',
                escape(context.call((undefined(name='week_label') if l_2_week_label is missing else l_2_week_label), l_2_r, _loop_vars=_loop_vars)),
                ' | ',
                escape(environment.getattr(l_2_r, 'date')),
                ' | ',
                escape(context.call((undefined(name='status_label') if l_2_status_label is missing else l_2_status_label), environment.getattr(l_2_r, 'status'), _loop_vars=_loop_vars)),
            ))
            if environment.getattr(l_2_r, 'backfill'):
                pass
                t_11.extend((
                    ' · ',
                    escape(environment.getattr((undefined(name='L') if l_1_L is missing else l_1_L), 'backfill')),
                ))
            t_11.extend((
                ' | ',
                escape(t_1(environment.getattr(l_2_r, 'task'))),
                ' | ',
                escape(t_3(context.eval_ctx, t_5(context, environment.getattr(l_2_r, 'problems'), 'cell'), '<br>')),
                ' | ',
            ))
            l_3_loop = missing
            for l_3_x, l_3_loop in LoopContext(environment.getattr(l_2_r, 'solutions'), undefined):
                _loop_vars = {}
                pass
                t_11.append(
                    escape((t_1(l_3_x) or '—')),
                )
                if (not environment.getattr(l_3_loop, 'last')):
                    pass
                    t_11.append(
                        '<br>',
                    )
            l_3_loop = l_3_x = missing
            t_11.extend((
                ' | ',
                escape(context.call((undefined(name='links_cell') if l_2_links_cell is missing else l_2_links_cell), environment.getattr(l_2_r, 'links'), l_1_from_dir, _loop_vars=_loop_vars)),
                ' | ',
                escape((context.call((undefined(name='pct') if l_2_pct is missing else l_2_pct), environment.getattr(l_2_r, 'phase_percent'), _loop_vars=_loop_vars) if (not t_10(environment.getattr(l_2_r, 'phase_percent'))) else '')),
                ' |\n',
            ))
        l_2_loop = l_2_r = l_2_week_label = l_2_status_label = l_2_links_cell = l_2_pct = missing
        return concat(t_11)
    context.exported_vars.add('day_table')
    context.vars['day_table'] = l_0_day_table = Macro(environment, macro, 'day_table', ('rows', 'from_dir'), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_name, l_1_prefix):
        t_12 = []
        l_1_alt = resolve('alt')
        if l_1_name is missing:
            l_1_name = undefined("parameter 'name' was not provided", name='name')
        if l_1_prefix is missing:
            l_1_prefix = undefined("parameter 'prefix' was not provided", name='prefix')
        pass
        t_12.extend((
            '<picture>\n  <source media="(prefers-color-scheme: dark)" srcset="',
            escape(l_1_prefix),
            escape(l_1_name),
            '-dark.svg">\n  <img alt="',
            escape(t_2(context.call((undefined(name='alt') if l_1_alt is missing else l_1_alt), l_1_name))),
            '" src="',
            escape(l_1_prefix),
            escape(l_1_name),
            '.svg">\n</picture>',
        ))
        return concat(t_12)
    context.exported_vars.add('picture')
    context.vars['picture'] = l_0_picture = Macro(environment, macro, 'picture', ('name', 'prefix'), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_rows, l_1_from_dir):
        t_13 = []
        l_1_L = resolve('L')
        if l_1_rows is missing:
            l_1_rows = undefined("parameter 'rows' was not provided", name='rows')
        if l_1_from_dir is missing:
            l_1_from_dir = undefined("parameter 'from_dir' was not provided", name='from_dir')
        pass
        t_13.extend((
            '| ',
            escape(t_7(environment.getattr((undefined(name='L') if l_1_L is missing else l_1_L), 'col_date'))),
            ' | ',
            escape(t_7(environment.getattr((undefined(name='L') if l_1_L is missing else l_1_L), 'col_status_short'))),
            ' | ',
            escape(environment.getattr((undefined(name='L') if l_1_L is missing else l_1_L), 'col_task')),
            ' | ',
            escape(environment.getattr((undefined(name='L') if l_1_L is missing else l_1_L), 'col_problem_solution')),
            ' | ',
            escape(environment.getattr((undefined(name='L') if l_1_L is missing else l_1_L), 'col_links')),
            ' |\n|---|:-:|---|---|---|\n',
        ))
        l_2_loop = missing
        for l_2_r, l_2_loop in LoopContext(l_1_rows, undefined):
            l_2_status_emoji = resolve('status_emoji')
            l_2_short_links_cell = resolve('short_links_cell')
            _loop_vars = {}
            pass
            t_13.extend((
                '| ',
                escape(t_7(context.call(environment.getattr(environment.getattr(l_2_r, 'date'), 'strftime'), '%m-%d', _loop_vars=_loop_vars))),
                ' | ',
                escape(context.call((undefined(name='status_emoji') if l_2_status_emoji is missing else l_2_status_emoji), environment.getattr(l_2_r, 'status'), _loop_vars=_loop_vars)),
            ))
            if environment.getattr(l_2_r, 'backfill'):
                pass
                t_13.extend((
                    ' ',
                    escape(environment.getattr((undefined(name='L') if l_1_L is missing else l_1_L), 'backfill')),
                ))
            t_13.extend((
                ' | ',
                escape(t_1(environment.getattr(l_2_r, 'task'))),
                ' | ',
            ))
            l_3_loop = missing
            for l_3_x, l_3_loop in LoopContext(environment.getattr(l_2_r, 'problems'), undefined):
                _loop_vars = {}
                pass
                t_13.append(
                    escape(t_1(l_3_x)),
                )
                if environment.getitem(environment.getattr(l_2_r, 'solutions'), environment.getattr(l_3_loop, 'index0')):
                    pass
                    t_13.extend((
                        ' → ',
                        escape(t_1(environment.getitem(environment.getattr(l_2_r, 'solutions'), environment.getattr(l_3_loop, 'index0')))),
                    ))
                if (not environment.getattr(l_3_loop, 'last')):
                    pass
                    t_13.append(
                        '<br>',
                    )
            l_3_loop = l_3_x = missing
            t_13.extend((
                ' | ',
                escape(context.call((undefined(name='short_links_cell') if l_2_short_links_cell is missing else l_2_short_links_cell), environment.getattr(l_2_r, 'links'), l_1_from_dir, _loop_vars=_loop_vars)),
                ' |\n',
            ))
        l_2_loop = l_2_r = l_2_status_emoji = l_2_short_links_cell = missing
        return concat(t_13)
    context.exported_vars.add('compact_table')
    context.vars['compact_table'] = l_0_compact_table = Macro(environment, macro, 'compact_table', ('rows', 'from_dir'), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_p, l_1_from_dir):
        t_14 = []
        l_1_L = resolve('L')
        l_1_link = resolve('link')
        if l_1_p is missing:
            l_1_p = undefined("parameter 'p' was not provided", name='p')
        if l_1_from_dir is missing:
            l_1_from_dir = undefined("parameter 'from_dir' was not provided", name='from_dir')
        pass
        t_14.extend((
            escape(environment.getattr(l_1_p, 'date')),
            ' · ',
            escape(t_6(environment.getattr(l_1_p, 'problem'))),
        ))
        if environment.getattr(l_1_p, 'solution'):
            pass
            t_14.extend((
                ' → ',
                escape(t_6(environment.getattr(l_1_p, 'solution'))),
            ))
        else:
            pass
            t_14.extend((
                ' · **',
                escape(environment.getattr((undefined(name='L') if l_1_L is missing else l_1_L), 'open')),
                '**',
            ))
        t_14.extend((
            ' (',
            escape(context.call((undefined(name='link') if l_1_link is missing else l_1_link), environment.getitem(context.call(environment.getattr(environment.getattr(l_1_p, 'checkin'), 'rsplit'), '/', 1), -1), environment.getattr(l_1_p, 'checkin'), False, l_1_from_dir)),
            ')',
        ))
        return concat(t_14)
    context.exported_vars.add('problem_line')
    context.vars['problem_line'] = l_0_problem_line = Macro(environment, macro, 'problem_line', ('p', 'from_dir'), False, False, False, context.eval_ctx.autoescape)
    def macro():
        t_15 = []
        l_1_s = resolve('s')
        l_1_L = resolve('L')
        l_1_fmt = resolve('fmt')
        pass
        if environment.getattr((undefined(name='s') if l_1_s is missing else l_1_s), 'hours_recorded_days'):
            pass
            t_15.append(
                escape(t_8(environment.getattr((undefined(name='s') if l_1_s is missing else l_1_s), 'hours_total'))),
            )
            if (not t_10(environment.getattr((undefined(name='s') if l_1_s is missing else l_1_s), 'hours_target'))):
                pass
                t_15.extend((
                    ' / ',
                    escape(t_8(environment.getattr((undefined(name='s') if l_1_s is missing else l_1_s), 'hours_target'))),
                ))
            t_15.extend((
                ' ',
                escape(environment.getattr((undefined(name='L') if l_1_L is missing else l_1_L), 'hours_unit')),
                escape(context.call((undefined(name='fmt') if l_1_fmt is missing else l_1_fmt), 'hours_recorded', n=environment.getattr((undefined(name='s') if l_1_s is missing else l_1_s), 'hours_recorded_days'), total=t_4(environment.getattr((undefined(name='s') if l_1_s is missing else l_1_s), 'checkins')))),
            ))
        else:
            pass
            t_15.append(
                escape(environment.getattr((undefined(name='L') if l_1_L is missing else l_1_L), 'hours_not_recorded')),
            )
        return concat(t_15)
    context.exported_vars.add('hours_figure')
    context.vars['hours_figure'] = l_0_hours_figure = Macro(environment, macro, 'hours_figure', (), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_milestones):
        t_16 = []
        l_1_L = resolve('L')
        if l_1_milestones is missing:
            l_1_milestones = undefined("parameter 'milestones' was not provided", name='milestones')
        pass
        t_16.extend((
            '| ',
            escape(environment.getattr((undefined(name='L') if l_1_L is missing else l_1_L), 'col_number')),
            ' | ',
            escape(environment.getattr((undefined(name='L') if l_1_L is missing else l_1_L), 'col_milestone')),
            ' | ',
            escape(t_7(environment.getattr((undefined(name='L') if l_1_L is missing else l_1_L), 'col_due'))),
            ' | ',
            escape(t_7(environment.getattr((undefined(name='L') if l_1_L is missing else l_1_L), 'col_state'))),
            ' | ',
            escape(t_7(environment.getattr((undefined(name='L') if l_1_L is missing else l_1_L), 'col_count'))),
            ' | ',
            escape(t_7(environment.getattr((undefined(name='L') if l_1_L is missing else l_1_L), 'col_units'))),
            ' |\n|--:|---|---|---|--:|--:|\n',
        ))
        l_2_loop = missing
        for l_2_m, l_2_loop in LoopContext(l_1_milestones, undefined):
            _loop_vars = {}
            pass
            t_16.extend((
                '| ',
                escape(environment.getattr(l_2_loop, 'index')),
                ' | ',
                escape(t_1(environment.getattr(l_2_m, 'title'))),
                ' | ',
                escape(t_7(t_9(environment.getattr(l_2_m, 'due')))),
                ' | ',
                escape(t_7(environment.getitem((undefined(name='L') if l_1_L is missing else l_1_L), markup_join(('ms_', environment.getattr(l_2_m, 'state'), ))))),
                ' | ',
                escape(t_8(environment.getattr(l_2_m, 'percent'))),
                '% | ',
                escape(t_7(markup_join((environment.getattr(l_2_m, 'done'), '/', environment.getattr(l_2_m, 'total'), ' ', environment.getitem((undefined(name='L') if l_1_L is missing else l_1_L), markup_join(('unit_', environment.getattr(l_2_m, 'unit'), ))), )))),
                ' |\n',
            ))
        l_2_loop = l_2_m = missing
        return concat(t_16)
    context.exported_vars.add('milestone_table')
    context.vars['milestone_table'] = l_0_milestone_table = Macro(environment, macro, 'milestone_table', ('milestones',), False, False, False, context.eval_ctx.autoescape)
    def macro():
        t_17 = []
        l_1_L = resolve('L')
        l_1_lectures = resolve('lectures')
        pass
        t_17.extend((
            '### 🗓 ',
            escape(environment.getattr((undefined(name='L') if l_1_L is missing else l_1_L), 'plan_view')),
            '\n\n',
        ))
        l_2_loop = missing
        for l_2_b, l_2_loop in LoopContext((undefined(name='lectures') if l_1_lectures is missing else l_1_lectures), undefined):
            l_2_s = resolve('s')
            l_2_fmt = resolve('fmt')
            _loop_vars = {}
            pass
            if (environment.getattr(l_2_loop, 'first') or (environment.getattr(l_2_b, 'phase') != environment.getattr(environment.getattr(l_2_loop, 'previtem'), 'phase'))):
                pass
                t_17.extend((
                    '#### ',
                    escape(t_6(environment.getattr(l_2_b, 'phase'))),
                    ' · ',
                    escape(environment.getitem((undefined(name='L') if l_1_L is missing else l_1_L), markup_join(('state_', environment.getattr(environment.getattr(l_2_b, 'phase_state'), 'key'), )))),
                    '\n\n',
                ))
            t_17.append(
                '<details',
            )
            if (environment.getattr(l_2_b, 'start') <= environment.getattr((undefined(name='s') if l_2_s is missing else l_2_s), 'as_of') <= environment.getattr(l_2_b, 'end')):
                pass
                t_17.append(
                    ' open',
                )
            t_17.extend((
                '>\n<summary><b>',
                escape(context.call((undefined(name='fmt') if l_2_fmt is missing else l_2_fmt), 'week_n', n=environment.getattr(l_2_b, 'week_number'), _loop_vars=_loop_vars)),
            ))
            if environment.getattr(l_2_b, 'title'):
                pass
                t_17.extend((
                    ': ',
                    escape(t_2(environment.getattr(l_2_b, 'title'))),
                ))
            t_17.extend((
                '</b> · ',
                escape(environment.getitem((undefined(name='L') if l_1_L is missing else l_1_L), markup_join(('state_', environment.getattr(environment.getattr(l_2_b, 'state'), 'key'), )))),
                ' · ',
                escape(environment.getattr(l_2_b, 'start')),
                ' – ',
                escape(environment.getattr(l_2_b, 'end')),
                '</summary>\n\n',
            ))
            for l_3_lec in environment.getattr(l_2_b, 'lectures'):
                _loop_vars = {}
                pass
                t_17.extend((
                    '**',
                    escape(t_6(environment.getattr(l_3_lec, 'title'))),
                    '** · ',
                    escape(environment.getitem((undefined(name='L') if l_1_L is missing else l_1_L), markup_join(('state_', environment.getattr(environment.getattr(l_3_lec, 'state'), 'key'), )))),
                ))
                if environment.getattr(l_3_lec, 'done_date'):
                    pass
                    t_17.extend((
                        ' · ',
                        escape(environment.getattr((undefined(name='L') if l_1_L is missing else l_1_L), 'lecture_done')),
                        ' ',
                        escape(environment.getattr(l_3_lec, 'done_date')),
                    ))
                t_17.append(
                    '\n\n',
                )
                if environment.getattr(l_3_lec, 'tasks'):
                    pass
                    t_17.extend((
                        '| ',
                        escape(environment.getattr((undefined(name='L') if l_1_L is missing else l_1_L), 'col_task_name')),
                        ' | ',
                        escape(environment.getattr((undefined(name='L') if l_1_L is missing else l_1_L), 'col_state')),
                        ' | ',
                        escape(environment.getattr((undefined(name='L') if l_1_L is missing else l_1_L), 'col_done_date')),
                        ' | ',
                        escape(environment.getattr((undefined(name='L') if l_1_L is missing else l_1_L), 'col_note')),
                        ' |\n|---|---|---|---|\n',
                    ))
                    for l_4_t in environment.getattr(l_3_lec, 'tasks'):
                        _loop_vars = {}
                        pass
                        t_17.extend((
                            '| ',
                            escape(t_1(environment.getattr(l_4_t, 'title'))),
                            ' | ',
                            escape(environment.getitem((undefined(name='L') if l_1_L is missing else l_1_L), markup_join(('state_', environment.getattr(environment.getattr(l_4_t, 'state'), 'key'), )))),
                            ' | ',
                            escape((environment.getattr(l_4_t, 'done_date') or '')),
                            ' | ',
                            escape(t_1(environment.getattr(l_4_t, 'note'))),
                            ' |\n',
                        ))
                    l_4_t = missing
                    t_17.append(
                        '\n',
                    )
            l_3_lec = missing
            t_17.append(
                '</details>\n\n',
            )
        l_2_loop = l_2_b = l_2_s = l_2_fmt = missing
        return concat(t_17)
    context.exported_vars.add('lecture_view')
    context.vars['lecture_view'] = l_0_lecture_view = Macro(environment, macro, 'lecture_view', (), False, False, False, context.eval_ctx.autoescape)

blocks = {}
debug_info = '1=72&2=82&4=100&5=109&8=152&10=162&11=165&16=174&17=184&19=196&20=203&23=246&24=256&26=281&27=287&29=311&30=319&32=333&33=338&36=355&37=362&39=366&40=371&41=375&44=383&45=390&47=407&48=412&50=427&51=431&53=440&54=445'