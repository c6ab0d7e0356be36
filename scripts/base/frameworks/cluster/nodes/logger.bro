##! Configuration of a logger node (or of a manager that receives logs):
##! it writes logs itself and does not forward them.

redef Log::enable_local_logging = T;
redef Log::enable_remote_logging = F;
