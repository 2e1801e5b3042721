/** A value or the one-line reason it was refused, for input where refusal is expected traffic. */
package dev.slopipeline.kit.result;
