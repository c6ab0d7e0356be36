"""The checks of the expiration attributes (`&create_expire`, `&read_expire`,
`&write_expire`, `&expire_func`) that Bro's Attributes::CheckAttr and
TableVal make; their run-time side is runtime/expiry.py.

Bro adds an attribute to its list before checking it, so that its message
can describe the list: the object of each message is every attribute given
so far, `&name=expression`, separated by commas.
"""
from __future__ import annotations

from ..render import expr_text
from ..types import Kind as K

EXPIRE_ATTRS = ("&create_expire", "&read_expire", "&write_expire", "&expire_func")


class ExpireAttrs:
    def check_expire_attr(self, attr, attrs, target):
        if attr.expr is None or attr.in_error:
            return
        if target.kind != K.TABLE:
            self.expire_error("expiration only applicable to tables", attr, attrs)
            return
        t = attr.expr.type
        if attr.name != "&expire_func":
            if t.kind not in (K.INTERVAL, K.ERROR):
                # Bro's TableVal::CheckExpireAttr marks the expression itself
                self.error("expiration interval has wrong type", attr.expr.loc,
                           expr_text(attr.expr))
                attr.in_error = True
            return
        if t.kind == K.ERROR:
            return
        if t.kind != K.FUNC or t.ret is None or t.ret.kind != K.INTERVAL:
            self.expire_error("&expire_func must yield a value of type interval", attr, attrs)
            attr.in_error = True
        elif len(t.params) != 2:
            self.expire_error("&expire_func function must take exactly two arguments",
                              attr, attrs)
            attr.in_error = True

    def expire_error(self, msg, attr, attrs):
        listed = ", ".join(a.name if a.expr is None else f"{a.name}={expr_text(a.expr)}"
                           for a in attrs.items)
        self.error(msg, attr.loc, listed)
