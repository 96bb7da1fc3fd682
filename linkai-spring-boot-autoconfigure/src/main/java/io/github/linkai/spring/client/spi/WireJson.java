package io.github.linkai.spring.client.spi;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.Version;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.PackageVersion;
import tools.jackson.databind.deser.SettableBeanProperty;
import tools.jackson.databind.deser.ValueInstantiator;
import tools.jackson.databind.deser.ValueInstantiators;
import tools.jackson.databind.deser.bean.PropertyValueBuffer;
import tools.jackson.databind.introspect.AnnotatedConstructor;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * The JSON mapper for provider wire records. The library's own, not the host
 * application's: a host's global Jackson settings (naming strategy, inclusion, failing on
 * unknown fields) must not change what is sent to a provider or break reading a reply
 * that gained a field.
 */
public final class WireJson {

	/**
	 * The Jackson line {@link RecordCreators} was written against and checked on: it
	 * reaches into Jackson's value instantiators, which another line may change.
	 */
	static final String PATCHED_LINE = "3.1";

	private static final JsonMapper MAPPER = mapper(PATCHED_LINE.equals(jacksonLine()));

	private WireJson() {
	}

	/**
	 * Where a parse failed ({@code line 1, column 12}), without the parser's message,
	 * which quotes the offending input.
	 */
	public static String describeLocation(JacksonException ex) {
		TokenStreamLocation location = ex.getLocation();
		return (location != null) ? "line " + location.getLineNr() + ", column " + location.getColumnNr()
				: "an unknown position";
	}

	/** The shared, thread-safe mapper. */
	public static JsonMapper mapper() {
		return MAPPER;
	}

	/**
	 * A mapper for wire records; {@code fastRecords} creates records through
	 * {@link RecordCreators}, which only the Jackson line {@link #PATCHED_LINE} is known
	 * to take: on any other the plain mapper, which reads the same, is used.
	 */
	static JsonMapper mapper(boolean fastRecords) {
		JsonMapper.Builder builder = JsonMapper.builder()
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
		if (fastRecords) {
			builder.addModule(new SimpleModule("linkai-record-creators") {

				@Override
				public void setupModule(SetupContext context) {
					super.setupModule(context);
					context.addValueInstantiators(new RecordCreators());
				}

			});
		}
		return builder.build();
	}

	/** The running Jackson's major and minor version, e.g. {@code 3.1}. */
	static String jacksonLine() {
		Version version = PackageVersion.VERSION;
		return version.getMajorVersion() + "." + version.getMinorVersion();
	}

	/**
	 * Creates records through a spreading method handle built once per record type.
	 * Hand-written because Jackson 3.1 calls a record's constructor with
	 * {@code MethodHandle.invokeWithArguments}, which builds a new spreader (method
	 * types, bound handles, class arrays) on every call: in a JFR allocation profile of a
	 * stream that was about a sixth of everything the client allocated, and a stream
	 * event binds four records. Anything unusual (a creator that is not the constructor,
	 * a failure) is left to Jackson's own instantiator.
	 */
	private static final class RecordCreators implements ValueInstantiators {

		@Override
		public @Nullable ValueInstantiator findValueInstantiator(DeserializationConfig config,
				BeanDescription.Supplier description) {
			return null;
		}

		@Override
		public ValueInstantiator modifyValueInstantiator(DeserializationConfig config,
				BeanDescription.Supplier description, ValueInstantiator instantiator) {
			if (!instantiator.getValueClass().isRecord() || !instantiator.canCreateFromObjectWith()
					|| !(instantiator.getWithArgsCreator() instanceof AnnotatedConstructor creator)) {
				return instantiator;
			}
			Constructor<?> constructor = creator.getAnnotated();
			try {
				constructor.setAccessible(true);
				MethodHandle handle = MethodHandles.lookup()
					.unreflectConstructor(constructor)
					.asSpreader(Object[].class, constructor.getParameterCount())
					.asType(MethodType.methodType(Object.class, Object[].class));
				return new SpreadingInstantiator(instantiator, handle);
			}
			catch (IllegalAccessException | RuntimeException ex) {
				return instantiator;
			}
		}

	}

	private static final class SpreadingInstantiator extends ValueInstantiator.Delegating {

		private final MethodHandle constructor;

		SpreadingInstantiator(ValueInstantiator delegate, MethodHandle constructor) {
			super(delegate);
			this.constructor = constructor;
		}

		@Override
		public ValueInstantiator createContextual(DeserializationContext context,
				BeanDescription.Supplier description) {
			ValueInstantiator contextual = delegate().createContextual(context, description);
			return (contextual == delegate()) ? this : new SpreadingInstantiator(contextual, this.constructor);
		}

		@Override
		public Object createFromObjectWith(DeserializationContext context, SettableBeanProperty[] properties,
				PropertyValueBuffer buffer) {
			return createFromObjectWith(context, buffer.getParameters(context, properties));
		}

		@Override
		public Object createFromObjectWith(DeserializationContext context, Object[] arguments) {
			try {
				return (Object) this.constructor.invokeExact(arguments);
			}
			catch (Throwable ex) {
				// Jackson's own call, for its own exception
				return delegate().createFromObjectWith(context, arguments);
			}
		}

	}

}
