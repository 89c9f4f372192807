from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'problems.md.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_L = resolve('L')
    l_0_s = resolve('s')
    l_0_problem_groups = resolve('problem_groups')
    l_0_problem_line = missing
    try:
        t_1 = environment.filters['md']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'md' found.")
    pass
    included_template = environment.get_template('_macros.j2', 'problems.md.j2').make_module(context.get_all(), True, {'problem_line': l_0_problem_line})
    l_0_problem_line = getattr(included_template, 'problem_line', missing)
    if l_0_problem_line is missing:
        l_0_problem_line = undefined(f"the template {included_template.__name__!r} (imported on line 1 in 'problems.md.j2') does not export the requested name 'problem_line'", name='problem_line')
    context.vars['problem_line'] = l_0_problem_line
    context.exported_vars.discard('problem_line')
    yield '<!-- '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'generated'))
    yield ' as-of: '
    yield str(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'as_of'))
    yield ' -->\n# '
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'problem_log'))
    yield '\n\n'
    l_1_loop = missing
    t_2 = 1
    for (l_1_title, l_1_found), l_1_loop in LoopContext((undefined(name='problem_groups') if l_0_problem_groups is missing else l_0_problem_groups), undefined):
        _loop_vars = {}
        pass
        yield '## '
        yield str(t_1(l_1_title))
        yield '\n\n'
        l_2_loop = missing
        for l_2_p, l_2_loop in LoopContext(l_1_found, undefined):
            _loop_vars = {}
            pass
            yield '- '
            yield str(context.call((undefined(name='problem_line') if l_0_problem_line is missing else l_0_problem_line), l_2_p, 'reports', _loop_vars=_loop_vars))
            yield '\n'
            if environment.getattr(l_2_p, 'solution'):
                pass
                yield '  <br>`'
                yield str(environment.getattr(l_2_p, 'id'))
                yield '` · '
                yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'review'))
                yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'colon'))
                l_3_loop = missing
                t_3 = 1
                for l_3_d, l_3_loop in LoopContext(environment.getattr(l_2_p, 'reviews'), undefined):
                    _loop_vars = {}
                    pass
                    yield str(context.call(environment.getattr(l_3_d, 'strftime'), '%m-%d', _loop_vars=_loop_vars))
                    yield ' ✓'
                    if (not environment.getattr(l_3_loop, 'last')):
                        pass
                        yield ', '
                    t_3 = 0
                l_3_loop = l_3_d = missing
                if t_3:
                    pass
                    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'not_reviewed'))
                yield ' · '
                if environment.getattr(l_2_p, 'graduated'):
                    pass
                    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'review_graduated'))
                else:
                    pass
                    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'review_next'))
                    yield ' '
                    yield str(environment.getattr(l_2_p, 'due'))
                    if (environment.getattr(l_2_p, 'due') <= environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'as_of')):
                        pass
                        yield ' **'
                        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'review_due'))
                        yield '**'
                yield '\n'
        l_2_loop = l_2_p = missing
        yield '\n'
        t_2 = 0
    l_1_loop = l_1_title = l_1_found = missing
    if t_2:
        pass
        yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'none'))
        yield '\n\n'
    yield '['
    yield str(environment.getattr((undefined(name='L') if l_0_L is missing else l_0_L), 'back'))
    yield '](../README.md)\n'

blocks = {}
debug_info = '1=21&2=28&3=32&5=36&6=40&8=43&9=47&10=49&11=52&17=92&20=95'