# String.downcase/2 with the :greek mode: final sigma.
IO.inspect(String.downcase("ΣΑΣ ΑΣ", :greek))
IO.inspect(String.downcase("ΟΔΟΣ.", :greek))
IO.inspect(String.downcase("Σ", :greek))
