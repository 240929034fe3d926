/** The BadgesTable's records: its keys, item mapping, queries and conditional writes live here and nowhere else. */
package org.microcred.records.badges;
