from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'phase.md.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_L = resolve('L')
    l_0_s = resolve('s')
    l_0_fmt = resolve('fmt')
    l_0_p = resolve('p')
    l_0_problem_line = l_0_milestone_table = missing
    try:
        t_1 = environment.filters['cell']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'cell' found.")
    try:
        t_2 = environment.filters['code_cell']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'code_cell' found.")
    try:
        t_3 = environment.filters['md']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'md' found.")
    try:
        t_4 = environment.filters['num']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'num' found.")
    try:
        t_5 = environment.filters['trim']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'trim' found.")
    pass
    included_template = environment.get_template('_macros.j2', 'phase.md.j2').make_module(context.get_all(), True, {'milestone_table': l_0_milestone_table, 'problem_line': l_0_problem_line})
    l_0_problem_line = getattr(included_template, 'problem_line', missing)
    if l_0_problem_line is missing:
        l_0_problem_line = undefined(f"the template {included_template.__name__!r} (imported on line 1 in 'phase.md.j2') does not export the requested name 'problem_line'", name='problem_line')
    l_0_milestone_table = getattr(included_template, 'milestone_table', missing)
    if l_0_milestone_table is missing:
        l_0_milestone_table = undefined(f"the template {included_template.__name__!r} (imported on line 1 in 'phase.md.j2') does not export the requested name 'milestone_table'", name='milestone_table')
    context.vars.update({'problem_line': l_0_problem_line, 'milestone_table': l_0_milestone_table})
    context.exported_vars.difference_update(('problem_line', 'milestone_table'))
    yield '<!-- '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'generated'))
    yield ' as-of: '
    yield str(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'as_of'))
    yield ' -->\n# '
    yield str(context.call((undefined(name='fmt') if l_0_fmt is missing else l_0_fmt), 'phase_title', phase=t_3(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'title'))))
    yield '\n\n'
    yield str(context.call((undefined(name='fmt') if l_0_fmt is missing else l_0_fmt), 'week_range', start=environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'start'), end=environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'end')))
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'goal'):
        pass
        yield ' · '
        yield str(t_3(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'goal')))
    yield '\n\n## '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'completion'))
    yield '\n\n**'
    yield str(t_4(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'percent')))
    yield '%** · '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'items_done'))
    yield ' '
    yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'items_done'))
    yield '/'
    yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'items_total'))
    yield ' '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'unit_items'))
    yield ' · ⏱ '
    yield str(t_4(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'hours')))
    yield ' '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'hours_unit'))
    yield '\n\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'milestones'):
        pass
        yield str(t_5(context.call((undefined(name='milestone_table') if l_0_milestone_table is missing else l_0_milestone_table), environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'milestones'))))
        yield '\n\n'
    yield '## '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'covered'))
    yield '\n\n| id | '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'col_task'))
    yield ' | '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'col_state'))
    yield ' |\n|---|---|---|\n'
    for (l_1_id, l_1_title, l_1_state) in environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'items'):
        l_1_status_label = resolve('status_label')
        _loop_vars = {}
        pass
        yield '| '
        yield str(t_2(l_1_id))
        yield ' | '
        yield str(t_1(l_1_title))
        yield ' | '
        yield str(context.call((undefined(name='status_label') if l_1_status_label is missing else l_1_status_label), l_1_state, _loop_vars=_loop_vars))
        yield ' |\n'
    l_1_id = l_1_title = l_1_state = l_1_status_label = missing
    yield '\n## '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'hardest'))
    yield '\n\n'
    t_6 = 1
    for l_1_q in environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'problems'):
        _loop_vars = {}
        pass
        yield '- '
        yield str(context.call((undefined(name='problem_line') if l_0_problem_line is missing else l_0_problem_line), l_1_q, 'reports/phases', _loop_vars=_loop_vars))
        yield '\n'
        t_6 = 0
    l_1_q = missing
    if t_6:
        pass
        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'none'))
        yield '\n'
    yield '\n['
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'back'))
    yield '](../../README.md)\n'

blocks = {}
debug_info = '1=46&2=56&3=60&5=62&8=68&10=70&12=84&13=86&16=89&18=91&20=95&21=100&24=108&26=111&27=115&29=121&32=124'