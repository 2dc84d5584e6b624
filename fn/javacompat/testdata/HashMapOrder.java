import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

// Reads one space-separated key list per line and prints the keys in the
// iteration order of the HashMap that Collectors.toMap fills with them.
public class HashMapOrder {
    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        for (String line; (line = in.readLine()) != null; ) {
            List<String> keys = Arrays.asList(line.split(" "));
            Map<String, String> map = keys.stream().collect(Collectors.toMap(k -> k, k -> k));
            System.out.println(String.join(" ", map.keySet()));
        }
    }
}
