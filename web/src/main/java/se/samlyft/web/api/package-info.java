/** The platform's APIs as the web application calls them through the gateway: one client per service, and problems as exceptions. */
@NullMarked
package se.samlyft.web.api;

import org.jspecify.annotations.NullMarked;
