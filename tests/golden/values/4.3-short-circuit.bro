# values.md §4.3: && and || short-circuit; ?: evaluates only the chosen branch and promotes arithmetic branches
function t(s: string): bool { print s; return T; }
function f(s: string): bool { print s; return F; }
print f("f1") && t("never1");
print t("t1") || t("never2");
print T ? t("chosen") : t("never3");
print T ? 1 : 2.5, F ? 1 : 2.5;
