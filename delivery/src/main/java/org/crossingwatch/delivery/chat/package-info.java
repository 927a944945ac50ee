/**
 * Chat rooms through their incoming-webhook formats: {@link
 * org.crossingwatch.delivery.chat.ChatTarget} for Slack, Mattermost and Microsoft Teams, {@link
 * org.crossingwatch.delivery.chat.MatrixTarget} for Matrix rooms.
 */
package org.crossingwatch.delivery.chat;
