package io.github.linkai.spring.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observation of a chat call and its keys, as the OpenTelemetry GenAI conventions
 * (v1.41) name them.
 */
public enum ChatObservationDocumentation implements ObservationDocumentation {

	/**
	 * One chat call: a blocking or reactive call, or a whole stream, retries included.
	 */
	CHAT {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultChatObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return LowCardinalityKeyNames.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return HighCardinalityKeyNames.values();
		}

	};

	/**
	 * Tags of the meters and attributes of the span: bounded sets of values, never a
	 * secret.
	 */
	public enum LowCardinalityKeyNames implements KeyName {

		/** Always {@code chat}. */
		OPERATION_NAME {
			@Override
			public String asString() {
				return "gen_ai.operation.name";
			}
		},

		/**
		 * The provider id: {@code linkai}, {@code lingma}, {@code jijyun},
		 * {@code openai}.
		 */
		PROVIDER_NAME {
			@Override
			public String asString() {
				return "gen_ai.provider.name";
			}
		},

		/** The model asked for, {@code unknown} when none was. */
		REQUEST_MODEL {
			@Override
			public String asString() {
				return "gen_ai.request.model";
			}
		},

		/** The model that answered, {@code unknown} when the provider does not say. */
		RESPONSE_MODEL {
			@Override
			public String asString() {
				return "gen_ai.response.model";
			}
		},

		/**
		 * The failure's exception type ({@code _OTHER} for a foreign one),
		 * {@code cancelled}, or {@code none}.
		 */
		ERROR_TYPE {
			@Override
			public String asString() {
				return "error.type";
			}
		},

		/** The provider's host. */
		SERVER_ADDRESS {
			@Override
			public String asString() {
				return "server.address";
			}
		},

		/** The provider's port. */
		SERVER_PORT {
			@Override
			public String asString() {
				return "server.port";
			}
		},

		/** The configured client's name ({@code default} for the top-level one). */
		CLIENT_NAME {
			@Override
			public String asString() {
				return "linkai.client.name";
			}
		}

	}

	/** Span attributes only: per-call values. */
	public enum HighCardinalityKeyNames implements KeyName {

		/**
		 * Why generation stopped; {@code error} when a stream ended before its end
		 * marker.
		 */
		FINISH_REASONS {
			@Override
			public String asString() {
				return "gen_ai.response.finish_reasons";
			}
		},

		/** Input tokens the provider reported. */
		INPUT_TOKENS {
			@Override
			public String asString() {
				return "gen_ai.usage.input_tokens";
			}
		},

		/** Output tokens the provider reported. */
		OUTPUT_TOKENS {
			@Override
			public String asString() {
				return "gen_ai.usage.output_tokens";
			}
		},

		/**
		 * Input tokens the provider read from its prompt cache, part of the input tokens,
		 * when reported.
		 */
		CACHE_READ_INPUT_TOKENS {
			@Override
			public String asString() {
				return "gen_ai.usage.cache_read.input_tokens";
			}
		},

		/**
		 * Output tokens spent on reasoning, part of the output tokens, when reported.
		 */
		REASONING_OUTPUT_TOKENS {
			@Override
			public String asString() {
				return "gen_ai.usage.reasoning.output_tokens";
			}
		},

		/** The temperature asked for. */
		REQUEST_TEMPERATURE {
			@Override
			public String asString() {
				return "gen_ai.request.temperature";
			}
		},

		/** The top_p asked for. */
		REQUEST_TOP_P {
			@Override
			public String asString() {
				return "gen_ai.request.top_p";
			}
		},

		/** The max_tokens asked for. */
		REQUEST_MAX_TOKENS {
			@Override
			public String asString() {
				return "gen_ai.request.max_tokens";
			}
		},

		/** The chunks a stream handed over. */
		STREAM_CHUNKS {
			@Override
			public String asString() {
				return "linkai.stream.chunks";
			}
		},

		/** The prompt, only when content recording is on. */
		INPUT_MESSAGES {
			@Override
			public String asString() {
				return "gen_ai.input.messages";
			}
		},

		/** The answer, only when content recording is on. */
		OUTPUT_MESSAGES {
			@Override
			public String asString() {
				return "gen_ai.output.messages";
			}
		}

	}

}
