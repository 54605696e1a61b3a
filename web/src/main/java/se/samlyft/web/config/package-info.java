/** How the web application logs people in, keeps their tokens and protects its pages. */
@NullMarked
package se.samlyft.web.config;

import org.jspecify.annotations.NullMarked;
