# language.md §1.7: ?: is right-associative and binds looser than ||; && binds tighter than ||
print T || T ? F : F;
print T ? F : F || T;
print F ? 1 : T ? 2 : 3;
print T || F && F, (T || F) && F;
