# language.md §5.4: heap model with mixed times a=2s b=1s c=1s d=2s e=1s: they fire b, c, e, a, d
event t(s: string) { print s; }
event bro_init()
	{
	schedule 2sec { t("a") };
	schedule 1sec { t("b") };
	schedule 1sec { t("c") };
	schedule 2sec { t("d") };
	schedule 1sec { t("e") };
	}
