package io.github.linkai.spring.limits;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Limits shared by every instance on Redis, over the application's Spring Data Redis
 * Lettuce client. Kept apart from {@link Limits} so that nothing of Redis is loaded
 * without it.
 */
public final class RedisLimits {

	private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

	private RedisLimits() {
	}

	/**
	 * Limits on the Redis of {@code connectionFactory}, through a connection of their own
	 * (opened in the background: until it is, Redis counts as unavailable).
	 * @param settings the store's settings ({@code linkai.limits.*})
	 */
	public static Limits create(LettuceConnectionFactory connectionFactory, LimitStoreSettings settings,
			Limits.Context context) {
		LimitStoreSettings.Redis redis = settings.getRedis();
		RedisAvailability availability = new RedisAvailability(settings.getRedisUnavailable(), redis.getRetryInterval(),
				context.clock(), context.listener());
		RedisLimitStore store = new RedisLimitStore(() -> connect(connectionFactory.getRequiredNativeClient()),
				availability, redis, context.clock(), context.scheduler());
		return new Limits(store, context);
	}

	private static StatefulConnection<String, byte[]> connect(AbstractRedisClient client) {
		if (client instanceof RedisClusterClient cluster) {
			return cluster.connect(CODEC);
		}
		return ((RedisClient) client).connect(CODEC);
	}

}
