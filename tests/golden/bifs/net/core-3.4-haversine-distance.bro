# bifs/core-3.md §4 haversine_distance: Bro's PI = 3.14159 and R = 3958.8; the baseline's values printed with %.4e
print fmt("%.4e", haversine_distance(37.866798, -122.253601, 48.25, 11.65));
print fmt("%.4e", haversine_distance(48.25, 11.65, 37.866798, -122.253601));
print fmt("%.4e", haversine_distance(0.0001388889, 0.0, -0.0001388889, 0.0));
print fmt("%.4e", haversine_distance(38.0, 0.000138999, 38.0, -0.000138999));
print fmt("%.4e", haversine_distance(38.0, 180.0, 38.0, -179.98333));
print fmt("%.4e", haversine_distance(45.0, -90.0, -45.0, 90.0));
print fmt("%.4e", haversine_distance(90.0, 0.0, -90.0, 0.0));
print haversine_distance(10.0, 20.0, 10.0, 20.0);
