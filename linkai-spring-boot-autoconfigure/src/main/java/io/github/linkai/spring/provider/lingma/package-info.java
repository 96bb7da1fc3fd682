/**
 * Alibaba Cloud Yunxiao Lingma {@code ExecuteChat} ({@code POST
 * /oapi/v1/lingma/organizations/{organizationId}/model/chat}): text chat with an
 * organization's knowledge bases.
 */
@NullMarked
package io.github.linkai.spring.provider.lingma;

import org.jspecify.annotations.NullMarked;
