# A rec set can contain itself lazily
(rec { self = { inherit a; }; a = 5; }).self.a
