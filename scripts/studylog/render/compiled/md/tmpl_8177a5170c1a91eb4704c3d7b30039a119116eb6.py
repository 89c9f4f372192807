from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'weekly.md.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_L = resolve('L')
    l_0_s = resolve('s')
    l_0_fmt = resolve('fmt')
    l_0_week_title = resolve('week_title')
    l_0_w = resolve('w')
    l_0_day_table = l_0_problem_line = missing
    try:
        t_1 = environment.filters['code']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'code' found.")
    try:
        t_2 = environment.filters['md']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'md' found.")
    try:
        t_3 = environment.filters['num']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'num' found.")
    try:
        t_4 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    included_template = environment.get_template('_macros.j2', 'weekly.md.j2').make_module(context.get_all(), True, {'day_table': l_0_day_table, 'problem_line': l_0_problem_line})
    l_0_day_table = getattr(included_template, 'day_table', missing)
    if l_0_day_table is missing:
        l_0_day_table = undefined(f"the template {included_template.__name__!r} (imported on line 1 in 'weekly.md.j2') does not export the requested name 'day_table'", name='day_table')
    l_0_problem_line = getattr(included_template, 'problem_line', missing)
    if l_0_problem_line is missing:
        l_0_problem_line = undefined(f"the template {included_template.__name__!r} (imported on line 1 in 'weekly.md.j2') does not export the requested name 'problem_line'", name='problem_line')
    context.vars.update({'day_table': l_0_day_table, 'problem_line': l_0_problem_line})
    context.exported_vars.difference_update(('day_table', 'problem_line'))
    yield '<!-- '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'generated'))
    yield ' as-of: '
    yield str(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'as_of'))
    yield ' -->\n# '
    yield str(context.call((undefined(name='fmt') if l_0_fmt is missing else l_0_fmt), 'weekly_title', week=context.call((undefined(name='week_title') if l_0_week_title is missing else l_0_week_title), (undefined(name='w') if l_0_w is missing else l_0_w))))
    yield '\n\n'
    yield str(context.call((undefined(name='fmt') if l_0_fmt is missing else l_0_fmt), 'week_range', start=environment.getattr((undefined(name='w') if l_0_w is missing else l_0_w), 'start'), end=environment.getattr((undefined(name='w') if l_0_w is missing else l_0_w), 'end')))
    yield ' · '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'checked_in'))
    yield ' '
    yield str(context.call((undefined(name='fmt') if l_0_fmt is missing else l_0_fmt), 'n_days', n=environment.getattr((undefined(name='w') if l_0_w is missing else l_0_w), 'checked_in')))
    yield ' · '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'missed_days'))
    yield ' '
    yield str(context.call((undefined(name='fmt') if l_0_fmt is missing else l_0_fmt), 'n_days', n=environment.getattr((undefined(name='w') if l_0_w is missing else l_0_w), 'missed')))
    yield ' · ⏱ '
    yield str(t_3(environment.getattr((undefined(name='w') if l_0_w is missing else l_0_w), 'hours')))
    if (not t_4(environment.getattr((undefined(name='w') if l_0_w is missing else l_0_w), 'target'))):
        pass
        yield ' / '
        yield str(t_3(environment.getattr((undefined(name='w') if l_0_w is missing else l_0_w), 'target')))
    yield ' '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'hours_unit'))
    yield '\n\n'
    yield str(context.call((undefined(name='day_table') if l_0_day_table is missing else l_0_day_table), environment.getattr((undefined(name='w') if l_0_w is missing else l_0_w), 'rows'), 'reports/weekly'))
    yield '\n\n## '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'problems'))
    yield '\n\n'
    t_5 = 1
    for l_1_p in environment.getattr((undefined(name='w') if l_0_w is missing else l_0_w), 'problems'):
        _loop_vars = {}
        pass
        yield '- '
        yield str(context.call((undefined(name='problem_line') if l_0_problem_line is missing else l_0_problem_line), l_1_p, 'reports/weekly', _loop_vars=_loop_vars))
        yield '\n'
        t_5 = 0
    l_1_p = missing
    if t_5:
        pass
        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'none'))
        yield '\n'
    yield '\n## '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'links'))
    yield '\n\n'
    t_6 = 1
    for l_1_l in environment.getattr((undefined(name='w') if l_0_w is missing else l_0_w), 'links'):
        l_1_link = resolve('link')
        _loop_vars = {}
        pass
        yield '- '
        yield str((str_join((t_2(environment.getattr(l_1_l, 'text')), ' ⏳ ', environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'link_not_yet'), )) if environment.getattr(l_1_l, 'missing') else context.call((undefined(name='link') if l_1_link is missing else l_1_link), environment.getattr(l_1_l, 'text'), environment.getattr(l_1_l, 'target'), environment.getattr(l_1_l, 'web'), 'reports/weekly', _loop_vars=_loop_vars)))
        yield '\n'
        t_6 = 0
    l_1_l = l_1_link = missing
    if t_6:
        pass
        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'none'))
        yield '\n'
    yield '\n## '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'carry_over'))
    yield '\n\n'
    t_7 = 1
    for (l_1_id, l_1_title) in environment.getattr((undefined(name='w') if l_0_w is missing else l_0_w), 'carry_over'):
        _loop_vars = {}
        pass
        yield '- '
        yield str(t_1(l_1_id))
        yield ' '
        yield str(t_2(l_1_title))
        yield '\n'
        t_7 = 0
    l_1_id = l_1_title = missing
    if t_7:
        pass
        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'none'))
        yield '\n'
    yield '\n## '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'prompts'))
    yield '\n\n<!-- studylog:notes:start -->\n- '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'prompt_1'))
    yield '\n- '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'prompt_2'))
    yield '\n- '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'prompt_3'))
    yield '\n<!-- studylog:notes:end -->\n\n['
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'back'))
    yield '](../../README.md)\n'

blocks = {}
debug_info = '1=41&2=51&3=55&5=57&7=75&9=77&11=80&12=84&14=90&17=93&19=96&20=101&22=107&25=110&27=113&28=117&30=125&33=128&36=130&37=132&38=134&41=136'