##! Nothing but a dependency.

## A helper from the package.
global pkg_helper_count = 0;
