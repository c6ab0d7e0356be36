# values.md §2.11: enums print their name, module-qualified when declared in a module; |e| is an int; fmt %d gives the number
type Color: enum { Red, Blue };
module TEST;
export { type Num: enum { ONE, TWO }; }
module GLOBAL;
print Red, Blue, TEST::TWO;
print |Blue|, type_name(|Blue|), enum_to_int(TEST::TWO), fmt("%d", Blue), Red == Red, Red != Blue;
