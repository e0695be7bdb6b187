/**
 * The words a data service and the gateway must spell alike: defined once here, so the catalogue's filters, the
 * gateway's checks of what it forwards and the mood definitions cannot drift apart.
 */
package setsunai.common.vocabulary;
