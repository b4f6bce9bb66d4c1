-- Failed logins are counted per username and client address, and per client address (issue 12): the attacking
-- address is refused, the same username from elsewhere only waits a little. Failures recorded before this have no
-- address; they still slow their username down until they leave the window.
ALTER TABLE login_failures ADD COLUMN client_address TEXT;
CREATE INDEX login_failures_address_time ON login_failures (client_address, failed_at);
