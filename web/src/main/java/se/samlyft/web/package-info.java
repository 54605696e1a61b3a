/** The web application: a backend-for-frontend over the gateway's APIs. */
@NullMarked
package se.samlyft.web;

import org.jspecify.annotations.NullMarked;
