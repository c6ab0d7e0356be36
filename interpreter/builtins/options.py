"""option.bif (bifs/strings-reporter-misc.md §4): Option::set changes an
`option` at run time through its change handlers; Option::set_change_handler
registers them, checking the handler's signature with Bro's messages."""
from __future__ import annotations

import weakref

from ..errors import NoValue
from ..runtime.ops import deep_copy
from ..runtime.values import AnyVal, FuncVal, UNSET
from .registry import builtin


def tag(t) -> str:
    """Bro's coarse type-tag name (Type.cc type_name of the tag)."""
    if t is None:
        return "void"
    k = t.kind
    return {"func": "func", "type": "type", "list": "types"}.get(k, k)


def same(a, b) -> bool:
    """Bro's structural same_type as Option::set uses it (§4): no numeric
    promotion, any enum matches any enum, and an unspecified `set()` or
    `vector()` has a type of its own that matches no concrete one."""
    if a is b:
        return True
    if a is None or b is None:
        return False
    if a.kind == "any" or b.kind == "any":
        # Bro's same_type lets `any` match every type: the config
        # framework's one change handler, `any` in and out, serves all options
        return True
    if a.kind != b.kind:
        return False
    k = a.kind
    if k == "enum":
        return True
    if k == "table":
        if a.indices is None or b.indices is None:
            return a.indices is None and b.indices is None
        if len(a.indices) != len(b.indices) or a.is_set != b.is_set:
            return False
        return (all(same(x, y) for x, y in zip(a.indices, b.indices))
                and (a.is_set or same(a.yield_, b.yield_)))
    if k == "vector":
        if a.yield_ is None or b.yield_ is None:
            return a.yield_ is None and b.yield_ is None
        return same(a.yield_, b.yield_)
    if k == "record":
        return len(a.fields) == len(b.fields) and all(
            f.name == g.name and same(f.type, g.type) for f, g in zip(a.fields, b.fields))
    if k == "func":
        return (a.flavor == b.flavor and len(a.params) == len(b.params)
                and (a.ret is None) == (b.ret is None)
                and (a.ret is None or same(a.ret, b.ret))
                and all(same(p.type, q.type) for p, q in zip(a.params, b.params)))
    if k == "file":
        return same(a.yield_, b.yield_)
    if k == "opaque":
        return a.oname == b.oname
    return True


# per runtime: option name -> [(priority, FuncVal)] in registration order
_HANDLERS: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def _find(ctx, name: str):
    gid = ctx.interp.globals.get(name)
    if gid is None or gid.kind in ("type", "enum"):
        ctx.builtin_error(f"Could not find ID named '{name}'")
        return None
    return gid


@builtin('function Option::set(ID: string, val: any, location: string &default=""): bool')
def option_set(ctx, ID, val, location):
    name = ID.decode("latin-1")
    gid = _find(ctx, name)
    if gid is None:
        return False
    if gid.value is UNSET or gid.value is None:
        ctx.builtin_error(f"ID '{name}' has no value")
        return False
    if gid.kind != "option":
        ctx.builtin_error(f"ID '{name}' is not an option")
        return False
    value = val if gid.type.kind == "any" else val.value
    if getattr(val.type, "name", None) == "Broker::Data" and not same(val.type, gid.type):
        # Broker data is converted to the option's type first (§4)
        from ..cluster.data import Unconvertible, _broker_data, data_type_name, from_data
        d = _broker_data(val.value)
        try:
            value = from_data(gid.type, d, ctx.interp)
        except Unconvertible:
            ctx.builtin_error(f"Incompatible type for set of ID '{name}': got broker data "
                              f"'{data_type_name(d)}', need '{tag(gid.type)}'")
            return False
    elif not same(val.type, gid.type):
        ctx.builtin_error(f"Incompatible type for set of ID '{name}': "
                          f"got '{tag(val.type)}', need '{tag(gid.type)}'")
        return False
    handlers = _HANDLERS.get(ctx.rt, {}).get(name, [])
    # descending priority, registration order among equals (§4)
    for _, fv in sorted(handlers, key=lambda h: -h[0]):
        # a handler taking `any` (the config framework's) gets the value
        # with its type, a typed one the bare value
        if fv.ftype.params[1].type.kind == "any":
            arg = value if isinstance(value, AnyVal) else AnyVal(gid.type, value)
        else:
            arg = value.value if isinstance(value, AnyVal) else value
        args = [ID, arg]
        if len(fv.ftype.params) == 3:
            args.append(location)
        try:
            value = ctx.call(fv, args)
        except NoValue:
            return False         # no value returned: stop, option unchanged
        if value is None or value is UNSET:
            return False
    if isinstance(value, AnyVal) and gid.type.kind != "any":
        value = value.value
    gid.value = deep_copy(value)
    return True


@builtin("function Option::set_change_handler(ID: string, on_change: any, priority: int &default=0): bool")
def option_set_change_handler(ctx, ID, on_change, priority):
    name = ID.decode("latin-1")
    gid = _find(ctx, name)
    if gid is None:
        return False
    if gid.kind != "option":
        ctx.builtin_error(f"ID '{name}' is not an option")
        return False
    ft = on_change.type
    if ft.kind != "func":
        ctx.builtin_error(f"Option::on_change needs function argument; got '{tag(ft)}' for ID '{name}'")
        return False
    if ft.flavor != "function":
        ctx.builtin_error("Option::on_change needs function argument; not hook or event")
        return False
    n = len(ft.params)
    where = f"in Option::on_change for ID '{name}'"
    if n < 2 or n > 3:
        ctx.builtin_error(f"Wrong number of arguments for passed function {where}; expected 2 or 3, got {n}")
        return False
    if ft.params[0].type.kind != "string":
        ctx.builtin_error(f"First argument of passed function has to be string {where}; "
                          f"got '{tag(ft.params[0].type)}'")
        return False
    if not same(ft.params[1].type, gid.type):
        ctx.builtin_error(f"Second argument of passed function has to be {tag(gid.type)} {where}; "
                          f"got '{tag(ft.params[1].type)}'")
        return False
    if n == 3 and ft.params[2].type.kind != "string":
        ctx.builtin_error(f"Third argument of passed function has to be string {where}; "
                          f"got '{tag(ft.params[2].type)}'")
        return False
    if not same(ft.ret, gid.type):
        ctx.builtin_error(f"Passed function needs to return type '{tag(gid.type)}' for ID '{name}'; "
                          f"got '{tag(ft.ret)}'")
        return False
    fv = on_change.value
    if not isinstance(fv, FuncVal):
        return False
    _HANDLERS.setdefault(ctx.rt, {}).setdefault(name, []).append((priority, fv))
    return True
