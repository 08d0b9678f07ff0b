// The floor page's only script: it marks the moment its text is in the document, as the app does
// after rendering the first segment, so both are timed the same way.
performance.mark('pr:first-segment');
