package io.bazaar.persistence;

import com.hazelcast.cache.impl.HazelcastServerCacheManager;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.cache.CacheManager;

/**
 * Notices from one member to the others over the members' data grid (a Hazelcast topic), for copies
 * a member keeps of its own: "what you copied of these has changed". A notice is best effort: one
 * sent while a member joins or the grid is failing can be lost, so whoever keeps a copy still
 * bounds its age by a time to live.
 */
@ApplicationScoped
public class GridNotices {

  private static final Logger LOG = Logger.getLogger(GridNotices.class.getName());

  @Inject CacheManager caches;

  /** The topic of that name; what this member publishes reaches only the other members. */
  public <N extends Serializable> Topic<N> topic(String name) {
    // Hazelcast 5.3's member manager unwraps to its own class only, not to its interface.
    HazelcastInstance grid =
        caches.unwrap(HazelcastServerCacheManager.class).getHazelcastInstance();
    return new Topic<>(grid.getTopic(name));
  }

  /** One topic of notices. */
  public static final class Topic<N extends Serializable> {

    private final ITopic<N> topic;

    Topic(ITopic<N> topic) {
      this.topic = topic;
    }

    /** Sends the notice to every other member; a grid that fails loses it, logged. */
    public void publish(N notice) {
      try {
        topic.publish(notice);
      } catch (RuntimeException gridUnavailable) {
        LOG.log(Level.WARNING, "notice on " + topic.getName() + " not sent", gridUnavailable);
      }
    }

    /**
     * Hands every notice another member publishes to the receiver, on the grid's event thread,
     * until the returned action is run. The grid outlives an application's deployment, so a
     * receiver must stop when its application stops.
     */
    public Runnable receiveFromOtherMembers(Consumer<N> receiver) {
      UUID registration =
          topic.addMessageListener(
              message -> {
                if (!message.getPublishingMember().localMember()) {
                  receiver.accept(message.getMessageObject());
                }
              });
      return () -> {
        try {
          topic.removeMessageListener(registration);
        } catch (RuntimeException gridGone) {
          LOG.log(Level.FINE, "listener on " + topic.getName() + " not removed", gridGone);
        }
      };
    }
  }
}
