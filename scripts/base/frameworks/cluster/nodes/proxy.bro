##! Configuration of a proxy node: it sends its logs to the loggers
##! instead of writing them.

redef Log::enable_local_logging = F;
redef Log::enable_remote_logging = T;
