"""The LALR(1) engine of parser.py: Lark's tables as plain data, and a
driver that calls a builder method as each rule is reduced.

Lark's own driver builds a parse tree (propagating positions through every
one of the ~15 `?rule` levels an operand passes) and the AST was built from
it in a second walk; here each reduction builds its AST node at once, and a
`?rule` that just passes its one child up costs a table look-up."""
from __future__ import annotations

from .errors import BroSyntaxError, Loc


class Splice(list):
    """The children of a `_`-rule Lark made for `x*`: spliced into the parent."""
    __slots__ = ()


class Tables:
    """Lark's LALR tables and one reduce action per rule, for `run`, with
    each rule's method of `builder` (parser.ToAST).  The children a method
    gets are those Lark's tree had: `_` rules spliced, `[x]` placeholders as
    None, `?rule`s with one child inlined.

    `actions[state][terminal]` is an int >= 0 to shift to that state, a str
    (the rule's name) to reduce a pass-through rule, or ~i to reduce
    rules[i] = (splice?, size, name, plan, builder method name, expand1).
    All of `data` is plain, so the script cache can keep it and
    a warm start need not import Lark at all."""

    def __init__(self, data, builder):
        self.data = data
        actions, gotos, rules, self.start, self.end, _names = data
        self.actions = actions
        self.gotos = gotos
        self.passes = {}
        self.rules = []
        for splice, size, origin, plan, name, expand1 in rules:
            fn = None
            if not splice:
                fn = getattr(builder, name, None)
                if fn is None:
                    raise RuntimeError(f"grammar rule {name} has no AST builder")
            self.rules.append((splice, size, origin, plan, fn, expand1))


# the form of analyse's output: part of the shipped tables' key
TABLES_FORM = 1


def analyse(lp):
    """The tables of Lark parser `lp`, as plain lists, dicts, tuples and str."""
    table = lp.parser.parser.parser.parse_table
    rule_ids = {}
    rules = []
    for rule in lp.rules:
        act = _rule_action(rule)
        if act is not None:
            rule_ids[rule] = len(rules)
            rules.append(act)
    n = max(table.states) + 1
    actions = [{} for _ in range(n)]
    gotos = [{} for _ in range(n)]
    for st, acts in table.states.items():
        for sym, (kind, arg) in acts.items():
            if kind.name == "Shift":
                if sym.isupper() or sym.startswith("$"):
                    actions[st][sym] = arg
                else:
                    gotos[st][sym] = arg
            elif arg in rule_ids:
                actions[st][sym] = ~rule_ids[arg]
            else:
                actions[st][sym] = arg.origin.name
    by_text = {t.pattern.value: t.name for t in lp.terminals if t.pattern.type == "str"}
    return (actions, gotos, rules, dict(table.start_states), dict(table.end_states), by_text)


def _rule_action(rule):
    """None for a pass-through `?rule` alternative, else its reduce action."""
    opts = rule.options
    size = len(rule.expansion)
    origin = rule.origin.name
    empty = opts.empty_indices
    if opts.expand1 and not rule.alias and size == 1 and not empty \
            and not rule.expansion[0].name.startswith("_"):
        return None
    # plan: for each child position, (Nones to insert before it, splice it?);
    # None when the children are the popped values as they are
    if empty:
        s = "".join(str(int(b)) for b in empty)
        nones = [len(ones) for ones in s.split("0")]
    else:
        nones = [0] * (size + 1)
    steps = tuple((nones[i], not sym.is_term and sym.name.startswith("_"))
                  for i, sym in enumerate(rule.expansion))
    plan = (steps, nones[size])
    if not any(n for n in nones) and not any(sp for _, sp in steps):
        plan = None
    if origin.startswith("_"):
        assert not opts.expand1
        return (True, size, origin, plan, None, False)
    name = rule.alias or opts.template_source or origin
    return (False, size, origin, plan, name, bool(opts.expand1 and not rule.alias))


def children(vals, plan):
    steps, trailing = plan
    out = []
    for v, (nones, splice) in zip(vals, steps):
        if nones:
            out += [None] * nones
        if splice:
            out += v
        else:
            out.append(v)
    if trailing:
        out += [None] * trailing
    return out


# Locs are immutable: nodes on the same lines share one (keyed by the line,
# or by (first, last) for a span of several)
_LOCS: dict = {}


def run(T: Tables, tokens, start, syntax_error):
    """An LALR(1) driver over Lark's tables that builds the AST as it reduces.

    Each stack entry remembers the index of its first token: a reduction
    spans from its first child's first token to the last token shifted, the
    lines Lark's propagate_positions gave the tree (an empty rule has no
    Loc).  A BroSyntaxError raised while building a node (a bad literal) is
    held until the parse has succeeded, so that a syntax error later in the
    input is still the one reported, as when the AST was built after
    parsing.  `syntax_error(tokens, i, tok)` raises the error for an
    unexpected token (tok None: the end of the input)."""
    actions, gotos, rules, passes = T.actions, T.gotos, T.rules, T.passes
    locs = _LOCS
    state = T.start[start]
    states = [state]
    end = T.end[start]
    # the stacks hold one entry less than `states`: the start state's
    values = []
    starts = []
    held = None
    ntok = len(tokens)
    i = 0
    if ntok:
        tok = tokens[0]
        ttype = tok.type
    else:
        tok, ttype = None, "$END"
    while True:
        act = actions[state].get(ttype)
        cls = act.__class__
        if cls is int:
            if act >= 0:
                state = act
                states.append(act)
                values.append(tok)
                starts.append(i)
                i += 1
                if i < ntok:
                    tok = tokens[i]
                    ttype = tok.type
                else:
                    tok, ttype = None, "$END"
                continue
        elif cls is str:
            # a `?rule` passing its one child up: an operand climbs a dozen
            # precedence levels this way, each one a goto from the same
            # state below, so the whole climb is remembered per (state
            # below, lookahead, rule)
            below = states[-2]
            if tok is not None:
                key = (below, ttype, act)
                state = passes.get(key)
                if state is None:
                    state = gotos[below][act]
                    nxt = actions[state].get(ttype)
                    while nxt.__class__ is str:
                        state = gotos[below][nxt]
                        nxt = actions[state].get(ttype)
                    passes[key] = state
                states[-1] = state
                continue
            state = states[-1] = gotos[below][act]
            if state == end:
                if held is not None:
                    raise held
                return values[-1]
            continue
        else:
            syntax_error(tokens, i, tok)
        splice, size, origin, plan, fn, expand1 = rules[~act]
        # the children leave the stacks but the first child's entry, which
        # the result takes over (an empty rule pushes a new one)
        if size:
            if size == 1:
                c = [values[-1]]
            else:
                c = values[-size:]
                cut = 1 - size
                del values[cut:], states[cut:], starts[cut:]
            first = starts[-1]
        else:
            c = []
            first = i
        if splice:
            if plan is None:
                value = Splice(c)
            elif plan[0][0][1]:
                # left recursion: extend the first child's list in place
                value = c[0]
                for v, (_, sp) in zip(c[1:], plan[0][1:]):
                    if sp:
                        value += v
                    else:
                        value.append(v)
            else:
                value = Splice(children(c, plan))
        elif held is not None:
            value = None
        else:
            if plan is not None:
                c = children(c, plan)
            if expand1 and len(c) == 1:
                value = c[0]
            else:
                if first < i:
                    a = tokens[first].line
                    b = tokens[i - 1].line
                    k = a if a == b else (a, b)
                    loc = locs.get(k)
                    if loc is None:
                        loc = locs[k] = Loc.from_lines(a, b)
                else:
                    loc = None
                try:
                    value = fn(loc, c)
                except BroSyntaxError as e:
                    held = e
                    value = None
        if size:
            values[-1] = value
            state = states[-1] = gotos[states[-2]][origin]
        else:
            state = gotos[state][origin]
            states.append(state)
            values.append(value)
            starts.append(first)
        if state == end and tok is None:
            if held is not None:
                raise held
            return value
