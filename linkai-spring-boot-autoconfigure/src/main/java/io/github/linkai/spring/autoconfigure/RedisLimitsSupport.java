package io.github.linkai.spring.autoconfigure;

import io.github.linkai.spring.limits.LimitStoreSettings;
import io.github.linkai.spring.limits.Limits;
import io.github.linkai.spring.limits.RedisLimits;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.util.ClassUtils;

/**
 * The limits on Redis, for {@code linkai.limits.store=redis}: over the application's
 * Lettuce {@link RedisConnectionFactory}. Startup fails naming the property when there is
 * none. Only this class names Spring Data Redis, and it is loaded only when the store is
 * Redis.
 */
final class RedisLimitsSupport {

	private static final String LETTUCE_FACTORY = "org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory";

	private static final String STORE = ClientPropertiesBinder.PREFIX + ".limits.store";

	private RedisLimitsSupport() {
	}

	static Limits create(BeanFactory beanFactory, @Nullable ClassLoader classLoader, LimitStoreSettings settings,
			Limits.Context context) {
		if (!ClassUtils.isPresent(LETTUCE_FACTORY, classLoader)) {
			throw new InvalidConfigurationPropertyValueException(STORE, "redis",
					"Keeping the limits on Redis needs Spring Data Redis with Lettuce: add "
							+ "org.springframework.boot:spring-boot-starter-data-redis, or set " + STORE + "=memory");
		}
		return Lettuce.create(beanFactory, settings, context);
	}

	/** What needs Spring Data Redis on the classpath. */
	private static final class Lettuce {

		static Limits create(BeanFactory beanFactory, LimitStoreSettings settings, Limits.Context context) {
			RedisConnectionFactory factory = beanFactory.getBeanProvider(RedisConnectionFactory.class).getIfUnique();
			if (!(factory instanceof LettuceConnectionFactory lettuce)) {
				throw new InvalidConfigurationPropertyValueException(STORE, "redis",
						(factory != null)
								? "Keeping the limits on Redis needs Lettuce's RedisConnectionFactory, " + "not "
										+ factory.getClass().getSimpleName() + " (spring.data.redis.client-type)"
								: "Keeping the limits on Redis needs a Redis connection: a RedisConnectionFactory "
										+ "bean (spring.data.redis.* with Spring Boot's Data Redis "
										+ "auto-configuration), or set " + STORE + "=memory");
			}
			return RedisLimits.create(lettuce, settings, context);
		}

	}

}
