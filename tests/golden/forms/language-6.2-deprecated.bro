# language.md §6.2 and §2.4.2: &deprecated on identifiers, types, events, hooks, enumerators and record fields warns at each use, naming the identifier, or the record type and field
type blah: string &deprecated;
global my_event: event(arg: string) &deprecated;
global my_hook: hook(arg: string) &deprecated;
type my_record: record {
    a: count &default = 1;
    b: string &optional &deprecated;
};
type my_enum: enum {
    RED,
    GREEN &deprecated,
    BLUE &deprecated
};
type my_other_enum: enum {
    ZERO = 0,
    ONE = 1 &deprecated,
    TWO = 2 &deprecated
};
event bro_init()
    {
    print ZERO;
    print ONE;
    print TWO;
    print RED;
    print GREEN;
    print BLUE;
    local l: blah = "testing";
    local ls: string = " test";
    event my_event("generate my_event please");
    schedule 1sec { my_event("schedule my_event please") };
    hook my_hook("generate my_hook please");
    local me: my_record = my_record();
    local mr: my_record = my_record($b = "yeah");
    local mrb: my_record = [$b = "yeah"];
    print mr$b, mr?$b;
    }
event my_event(arg: string)
    {
    print arg;
    }
hook my_hook(arg: string)
    {
    print arg;
    }
function hmm(b: blah)
    {
    print b;
    }
