# values.md §4.1: integer / and % truncate toward zero like C; % takes the sign of the dividend
global a = -7;
global b = +2;
print a / b, +7 / -2, a % b, +7 % -2, 7 / 2, 7 % 3, -7.0 / 2;
