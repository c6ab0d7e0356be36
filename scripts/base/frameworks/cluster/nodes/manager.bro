##! Configuration of a manager node.  The manager sends its logs to the
##! loggers instead of writing them; when it is also the logger
##! (:bro:see:`Cluster::manager_is_logger`), the logger configuration is
##! loaded after this and overrides it.

redef Log::enable_local_logging = F;
redef Log::enable_remote_logging = T;
