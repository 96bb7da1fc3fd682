package io.github.linkai.spring.client;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A picture, video or file that is part of an answer, by URL (LinkAI's {@code img_urls}).
 *
 * @param url where to fetch it
 * @param kind what it is
 */
public record AnswerMedia(String url, Kind kind) {

	private static final Set<String> VIDEO = Set.of("mp4", "mov", "webm", "m4v");

	private static final Set<String> FILE = Set.of("pdf", "doc", "docx", "csv", "xls", "xlsx", "txt", "rtf", "ppt",
			"pptx", "md", "zip");

	public AnswerMedia {
		Objects.requireNonNull(url, "url must not be null");
		Objects.requireNonNull(kind, "kind must not be null");
	}

	/**
	 * Media whose kind the URL path's extension tells (the query and fragment ignored):
	 * {@code mp4 mov webm m4v} a video; {@code pdf doc docx csv xls xlsx txt rtf ppt pptx
	 * md zip} a file; anything else an image, as LinkAI's own bot sorts them.
	 */
	public static AnswerMedia ofUrl(String url) {
		Objects.requireNonNull(url, "url must not be null");
		int end = url.length();
		int query = url.indexOf('?');
		if (query >= 0) {
			end = query;
		}
		int fragment = url.indexOf('#');
		if (fragment >= 0 && fragment < end) {
			end = fragment;
		}
		String path = url.substring(0, end);
		int dot = path.lastIndexOf('.');
		String extension = (dot > path.lastIndexOf('/')) ? path.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
		Kind kind = VIDEO.contains(extension) ? Kind.VIDEO : FILE.contains(extension) ? Kind.FILE : Kind.IMAGE;
		return new AnswerMedia(url, kind);
	}

	/** The kind and the URL's length only: a URL may be signed or name the user. */
	@Override
	public String toString() {
		return "AnswerMedia[" + this.kind + ", " + this.url.length() + " chars]";
	}

	/** What a medium is. */
	public enum Kind {

		/** A picture. */
		IMAGE,

		/** A video. */
		VIDEO,

		/** Any other file (a document, a sheet...). */
		FILE

	}

}
