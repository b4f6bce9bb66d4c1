package dev.casebook.gateway;

import java.util.HashMap;
import java.util.Map;

/** As {@link AllServicesUp}, with clients reaching Casebook at {@link #PUBLIC_URL}, not at the gateway's own address. */
public class BehindAPublicUrl extends AllServicesUp {

    static final String PUBLIC_URL = "https://casebook.example.org";

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(super.getConfigOverrides());
        config.put("casebook.gateway.public-url", PUBLIC_URL);
        return config;
    }
}
