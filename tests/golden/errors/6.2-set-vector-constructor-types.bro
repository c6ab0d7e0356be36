# language.md §6.2 / Expr.cc SetConstructorExpr, VectorConstructorExpr, Type.cc merge_types: named constructors promote each element (a one-index set says "inconsistent type"); unnamed ones merge element types, two that differ are "incompatible types" placed at both built-in types
type MySet: set[port];
type MyVec: vector of count;
global ms = MySet("a");
global mv = MyVec("a");
global us = set(1, "a");
global ut = table([1] = 1, ["a"] = 2);
global uv = vector(1, "a");
