package dev.casebook.gateway;

import java.util.HashMap;
import java.util.Map;

/**
 * All services up; the gateway keeps at most {@link #MAX_SIZE} verified tokens and allows 1 s of clock skew, so
 * that a token is refused a second after it expires (with the default 30 s, a test would wait that long).
 */
public class SmallTokenCache extends AllServicesUp {

    static final int MAX_SIZE = 3;

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(super.getConfigOverrides());
        config.put("casebook.gateway.token-cache.max-size", Integer.toString(MAX_SIZE));
        config.put("mp.jwt.verify.clock.skew", "1"); // 0 would mean SmallRye's default, 60
        return config;
    }
}
