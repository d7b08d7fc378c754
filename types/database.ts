
export type Json = string | number | boolean | null | { [key: string]: Json | undefined } | Json[]

export type Database = {
  
  "parky": {
          Tables: {
            "admins": {
                  Row: {
                    "created_at": string,"note": string | null,"user_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "created_at"?: string,"note"?: string | null,"user_id": string
                  }
                  Update: {
                    "created_at"?: string,"note"?: string | null,"user_id"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "admins_user_id_fkey"
      columns: ["user_id"]
isOneToOne: true
      referencedRelation: "app_users"
      referencedColumns: ["id"]
    }
                  ]
                },"ads": {
                  Row: {
                    "created_at": string,"deleted_at": string | null,"ends_at": string | null,"id": string,"image_url": string,"link_url": string,"placement": string,"priority": number,"published_at": string | null,"title": string,"updated_at": string
                  }
                  ComputedFields: never
                  Insert: {
                    "created_at"?: string,"deleted_at"?: string | null,"ends_at"?: string | null,"id"?: string,"image_url": string,"link_url": string,"placement": string,"priority"?: number,"published_at"?: string | null,"title": string,"updated_at"?: string
                  }
                  Update: {
                    "created_at"?: string,"deleted_at"?: string | null,"ends_at"?: string | null,"id"?: string,"image_url"?: string,"link_url"?: string,"placement"?: string,"priority"?: number,"published_at"?: string | null,"title"?: string,"updated_at"?: string
                  }
                  Relationships: [
                    
                  ]
                },"app_users": {
                  Row: {
                    "avatar_url": string | null,"created_at": string,"deleted_at": string | null,"display_name": string,"email": string | null,"id": string,"locale": string,"notification_prefs": NonNullable<Json>,"premium": boolean,"status": string,"updated_at": string,"vehicle_type": string | null,"withdrawn_at": string | null
                  }
                  ComputedFields: never
                  Insert: {
                    "avatar_url"?: string | null,"created_at"?: string,"deleted_at"?: string | null,"display_name"?: string,"email"?: string | null,"id": string,"locale"?: string,"notification_prefs"?: NonNullable<Json>,"premium"?: boolean,"status"?: string,"updated_at"?: string,"vehicle_type"?: string | null,"withdrawn_at"?: string | null
                  }
                  Update: {
                    "avatar_url"?: string | null,"created_at"?: string,"deleted_at"?: string | null,"display_name"?: string,"email"?: string | null,"id"?: string,"locale"?: string,"notification_prefs"?: NonNullable<Json>,"premium"?: boolean,"status"?: string,"updated_at"?: string,"vehicle_type"?: string | null,"withdrawn_at"?: string | null
                  }
                  Relationships: [
                    
                  ]
                },"articles": {
                  Row: {
                    "author_name": string | null,"body": string,"category": string,"cover_image_url": string | null,"created_at": string,"deleted_at": string | null,"id": string,"published_at": string | null,"slug": string,"summary": string | null,"title": string,"unpublished_at": string | null,"updated_at": string
                  }
                  ComputedFields: never
                  Insert: {
                    "author_name"?: string | null,"body"?: string,"category"?: string,"cover_image_url"?: string | null,"created_at"?: string,"deleted_at"?: string | null,"id"?: string,"published_at"?: string | null,"slug": string,"summary"?: string | null,"title": string,"unpublished_at"?: string | null,"updated_at"?: string
                  }
                  Update: {
                    "author_name"?: string | null,"body"?: string,"category"?: string,"cover_image_url"?: string | null,"created_at"?: string,"deleted_at"?: string | null,"id"?: string,"published_at"?: string | null,"slug"?: string,"summary"?: string | null,"title"?: string,"unpublished_at"?: string | null,"updated_at"?: string
                  }
                  Relationships: [
                    
                  ]
                },"codes": {
                  Row: {
                    "active": boolean,"category": string,"code": string,"created_at": string,"label_en": string,"label_ja": string,"sort_order": number,"updated_at": string
                  }
                  ComputedFields: never
                  Insert: {
                    "active"?: boolean,"category": string,"code": string,"created_at"?: string,"label_en": string,"label_ja": string,"sort_order"?: number,"updated_at"?: string
                  }
                  Update: {
                    "active"?: boolean,"category"?: string,"code"?: string,"created_at"?: string,"label_en"?: string,"label_ja"?: string,"sort_order"?: number,"updated_at"?: string
                  }
                  Relationships: [
                    
                  ]
                },"error_reports": {
                  Row: {
                    "created_at": string,"description": string | null,"handled_by": string | null,"id": string,"parking_lot_id": string,"report_type": string,"resolution_note": string | null,"status": string,"updated_at": string,"user_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "created_at"?: string,"description"?: string | null,"handled_by"?: string | null,"id"?: string,"parking_lot_id": string,"report_type": string,"resolution_note"?: string | null,"status"?: string,"updated_at"?: string,"user_id"?: string
                  }
                  Update: {
                    "created_at"?: string,"description"?: string | null,"handled_by"?: string | null,"id"?: string,"parking_lot_id"?: string,"report_type"?: string,"resolution_note"?: string | null,"status"?: string,"updated_at"?: string,"user_id"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "error_reports_handled_by_fkey"
      columns: ["handled_by"]
isOneToOne: false
      referencedRelation: "app_users"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "error_reports_parking_lot_id_fkey"
      columns: ["parking_lot_id"]
isOneToOne: false
      referencedRelation: "parking_lots"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "error_reports_user_id_fkey"
      columns: ["user_id"]
isOneToOne: false
      referencedRelation: "app_users"
      referencedColumns: ["id"]
    }
                  ]
                },"parking_lot_attributes": {
                  Row: {
                    "attribute_key": string,"created_at": string,"parking_lot_id": string,"updated_at": string,"value": NonNullable<Json>
                  }
                  ComputedFields: never
                  Insert: {
                    "attribute_key": string,"created_at"?: string,"parking_lot_id": string,"updated_at"?: string,"value": NonNullable<Json>
                  }
                  Update: {
                    "attribute_key"?: string,"created_at"?: string,"parking_lot_id"?: string,"updated_at"?: string,"value"?: NonNullable<Json>
                  }
                  Relationships: [
                    {
      foreignKeyName: "parking_lot_attributes_parking_lot_id_fkey"
      columns: ["parking_lot_id"]
isOneToOne: false
      referencedRelation: "parking_lots"
      referencedColumns: ["id"]
    }
                  ]
                },"parking_lot_hours": {
                  Row: {
                    "close_time": string,"created_at": string,"day_of_week": number,"id": string,"is_closed": boolean,"open_time": string,"parking_lot_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "close_time"?: string,"created_at"?: string,"day_of_week": number,"id"?: string,"is_closed"?: boolean,"open_time"?: string,"parking_lot_id": string
                  }
                  Update: {
                    "close_time"?: string,"created_at"?: string,"day_of_week"?: number,"id"?: string,"is_closed"?: boolean,"open_time"?: string,"parking_lot_id"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "parking_lot_hours_parking_lot_id_fkey"
      columns: ["parking_lot_id"]
isOneToOne: false
      referencedRelation: "parking_lots"
      referencedColumns: ["id"]
    }
                  ]
                },"parking_lot_images": {
                  Row: {
                    "caption": string | null,"created_at": string,"id": string,"parking_lot_id": string,"sort_order": number,"url": string
                  }
                  ComputedFields: never
                  Insert: {
                    "caption"?: string | null,"created_at"?: string,"id"?: string,"parking_lot_id": string,"sort_order"?: number,"url": string
                  }
                  Update: {
                    "caption"?: string | null,"created_at"?: string,"id"?: string,"parking_lot_id"?: string,"sort_order"?: number,"url"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "parking_lot_images_parking_lot_id_fkey"
      columns: ["parking_lot_id"]
isOneToOne: false
      referencedRelation: "parking_lots"
      referencedColumns: ["id"]
    }
                  ]
                },"parking_lot_payment_methods": {
                  Row: {
                    "created_at": string,"note": string | null,"parking_lot_id": string,"payment_method": string
                  }
                  ComputedFields: never
                  Insert: {
                    "created_at"?: string,"note"?: string | null,"parking_lot_id": string,"payment_method": string
                  }
                  Update: {
                    "created_at"?: string,"note"?: string | null,"parking_lot_id"?: string,"payment_method"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "parking_lot_payment_methods_parking_lot_id_fkey"
      columns: ["parking_lot_id"]
isOneToOne: false
      referencedRelation: "parking_lots"
      referencedColumns: ["id"]
    }
                  ]
                },"parking_lot_pricing_rules": {
                  Row: {
                    "cap_minutes": number | null,"cap_price": number | null,"cap_repeat": boolean,"created_at": string,"day_of_week": (number)[],"elapsed_from_minutes": number | null,"end_time": string,"id": string,"parking_lot_id": string,"priority": number,"start_time": string,"unit_minutes": number | null,"unit_price": number | null,"updated_at": string
                  }
                  ComputedFields: never
                  Insert: {
                    "cap_minutes"?: number | null,"cap_price"?: number | null,"cap_repeat"?: boolean,"created_at"?: string,"day_of_week": (number)[],"elapsed_from_minutes"?: number | null,"end_time": string,"id"?: string,"parking_lot_id": string,"priority"?: number,"start_time": string,"unit_minutes"?: number | null,"unit_price"?: number | null,"updated_at"?: string
                  }
                  Update: {
                    "cap_minutes"?: number | null,"cap_price"?: number | null,"cap_repeat"?: boolean,"created_at"?: string,"day_of_week"?: (number)[],"elapsed_from_minutes"?: number | null,"end_time"?: string,"id"?: string,"parking_lot_id"?: string,"priority"?: number,"start_time"?: string,"unit_minutes"?: number | null,"unit_price"?: number | null,"updated_at"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "parking_lot_pricing_rules_parking_lot_id_fkey"
      columns: ["parking_lot_id"]
isOneToOne: false
      referencedRelation: "parking_lots"
      referencedColumns: ["id"]
    }
                  ]
                },"parking_lot_staff": {
                  Row: {
                    "created_at": string,"parking_lot_id": string,"role": string,"user_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "created_at"?: string,"parking_lot_id": string,"role"?: string,"user_id": string
                  }
                  Update: {
                    "created_at"?: string,"parking_lot_id"?: string,"role"?: string,"user_id"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "parking_lot_staff_parking_lot_id_fkey"
      columns: ["parking_lot_id"]
isOneToOne: false
      referencedRelation: "parking_lots"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "parking_lot_staff_user_id_fkey"
      columns: ["user_id"]
isOneToOne: false
      referencedRelation: "app_users"
      referencedColumns: ["id"]
    }
                  ]
                },"parking_lot_tags": {
                  Row: {
                    "created_at": string,"parking_lot_id": string,"tag_id": number
                  }
                  ComputedFields: never
                  Insert: {
                    "created_at"?: string,"parking_lot_id": string,"tag_id": number
                  }
                  Update: {
                    "created_at"?: string,"parking_lot_id"?: string,"tag_id"?: number
                  }
                  Relationships: [
                    {
      foreignKeyName: "parking_lot_tags_parking_lot_id_fkey"
      columns: ["parking_lot_id"]
isOneToOne: false
      referencedRelation: "parking_lots"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "parking_lot_tags_tag_id_fkey"
      columns: ["tag_id"]
isOneToOne: false
      referencedRelation: "tags"
      referencedColumns: ["id"]
    }
                  ]
                },"parking_lots": {
                  Row: {
                    "address": string | null,"city": string | null,"created_at": string,"deleted_at": string | null,"description": string | null,"entry_method": string | null,"grace": Json | null,"id": string,"lat": number | null,"lng": number | null,"location": unknown,"max_height_m": number | null,"max_length_m": number | null,"max_weight_t": number | null,"max_width_m": number | null,"min_clearance_cm": number | null,"name": string,"operating_hours": string | null,"prefecture": string,"rating_average": number | null,"rating_count": number,"rating_sum": number,"source": string,"status": string,"structure": string | null,"timezone": string,"total_spaces": number | null,"unit_boundary": string,"updated_at": string
                  }
                  ComputedFields: never
                  Insert: {
                    "address"?: string | null,"city"?: string | null,"created_at"?: string,"deleted_at"?: string | null,"description"?: string | null,"entry_method"?: string | null,"grace"?: Json | null,"id"?: string,"lat"?: never,"lng"?: never,"location": unknown,"max_height_m"?: number | null,"max_length_m"?: number | null,"max_weight_t"?: number | null,"max_width_m"?: number | null,"min_clearance_cm"?: number | null,"name": string,"operating_hours"?: string | null,"prefecture": string,"rating_average"?: never,"rating_count"?: number,"rating_sum"?: number,"source"?: string,"status"?: string,"structure"?: string | null,"timezone"?: string,"total_spaces"?: number | null,"unit_boundary"?: string,"updated_at"?: string
                  }
                  Update: {
                    "address"?: string | null,"city"?: string | null,"created_at"?: string,"deleted_at"?: string | null,"description"?: string | null,"entry_method"?: string | null,"grace"?: Json | null,"id"?: string,"lat"?: never,"lng"?: never,"location"?: unknown,"max_height_m"?: number | null,"max_length_m"?: number | null,"max_weight_t"?: number | null,"max_width_m"?: number | null,"min_clearance_cm"?: number | null,"name"?: string,"operating_hours"?: string | null,"prefecture"?: string,"rating_average"?: never,"rating_count"?: number,"rating_sum"?: number,"source"?: string,"status"?: string,"structure"?: string | null,"timezone"?: string,"total_spaces"?: number | null,"unit_boundary"?: string,"updated_at"?: string
                  }
                  Relationships: [
                    
                  ]
                },"parking_reviews": {
                  Row: {
                    "comment": string | null,"created_at": string,"deleted_at": string | null,"id": string,"image_urls": (string)[],"moderated_at": string | null,"moderated_by": string | null,"parking_lot_id": string,"rating": number,"rejection_reason": string | null,"session_id": string | null,"status": string,"submitted_at": string | null,"updated_at": string,"user_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "comment"?: string | null,"created_at"?: string,"deleted_at"?: string | null,"id"?: string,"image_urls"?: (string)[],"moderated_at"?: string | null,"moderated_by"?: string | null,"parking_lot_id": string,"rating": number,"rejection_reason"?: string | null,"session_id"?: string | null,"status"?: string,"submitted_at"?: string | null,"updated_at"?: string,"user_id"?: string
                  }
                  Update: {
                    "comment"?: string | null,"created_at"?: string,"deleted_at"?: string | null,"id"?: string,"image_urls"?: (string)[],"moderated_at"?: string | null,"moderated_by"?: string | null,"parking_lot_id"?: string,"rating"?: number,"rejection_reason"?: string | null,"session_id"?: string | null,"status"?: string,"submitted_at"?: string | null,"updated_at"?: string,"user_id"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "parking_reviews_moderated_by_fkey"
      columns: ["moderated_by"]
isOneToOne: false
      referencedRelation: "app_users"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "parking_reviews_parking_lot_id_fkey"
      columns: ["parking_lot_id"]
isOneToOne: false
      referencedRelation: "parking_lots"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "parking_reviews_user_id_fkey"
      columns: ["user_id"]
isOneToOne: false
      referencedRelation: "app_users"
      referencedColumns: ["id"]
    }
                  ]
                },"subscription_plans": {
                  Row: {
                    "active": boolean,"app_store_product_id": string | null,"billing_period": string | null,"created_at": string,"description": string | null,"features": NonNullable<Json>,"google_play_product_id": string | null,"id": string,"is_premium": boolean,"name_en": string,"name_ja": string,"price_jpy": number,"sort_order": number,"updated_at": string
                  }
                  ComputedFields: never
                  Insert: {
                    "active"?: boolean,"app_store_product_id"?: string | null,"billing_period"?: string | null,"created_at"?: string,"description"?: string | null,"features"?: NonNullable<Json>,"google_play_product_id"?: string | null,"id": string,"is_premium"?: boolean,"name_en": string,"name_ja": string,"price_jpy": number,"sort_order"?: number,"updated_at"?: string
                  }
                  Update: {
                    "active"?: boolean,"app_store_product_id"?: string | null,"billing_period"?: string | null,"created_at"?: string,"description"?: string | null,"features"?: NonNullable<Json>,"google_play_product_id"?: string | null,"id"?: string,"is_premium"?: boolean,"name_en"?: string,"name_ja"?: string,"price_jpy"?: number,"sort_order"?: number,"updated_at"?: string
                  }
                  Relationships: [
                    
                  ]
                },"support_ticket_replies": {
                  Row: {
                    "author_id": string,"body": string,"created_at": string,"from_staff": boolean,"id": string,"ticket_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "author_id"?: string,"body": string,"created_at"?: string,"from_staff"?: boolean,"id"?: string,"ticket_id": string
                  }
                  Update: {
                    "author_id"?: string,"body"?: string,"created_at"?: string,"from_staff"?: boolean,"id"?: string,"ticket_id"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "support_ticket_replies_author_id_fkey"
      columns: ["author_id"]
isOneToOne: false
      referencedRelation: "app_users"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "support_ticket_replies_ticket_id_fkey"
      columns: ["ticket_id"]
isOneToOne: false
      referencedRelation: "support_tickets"
      referencedColumns: ["id"]
    }
                  ]
                },"support_tickets": {
                  Row: {
                    "assigned_to": string | null,"body": string,"category": string,"closed_at": string | null,"created_at": string,"id": string,"last_activity_at": string,"parking_lot_id": string | null,"status": string,"subject": string,"updated_at": string,"user_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "assigned_to"?: string | null,"body": string,"category"?: string,"closed_at"?: string | null,"created_at"?: string,"id"?: string,"last_activity_at"?: string,"parking_lot_id"?: string | null,"status"?: string,"subject": string,"updated_at"?: string,"user_id"?: string
                  }
                  Update: {
                    "assigned_to"?: string | null,"body"?: string,"category"?: string,"closed_at"?: string | null,"created_at"?: string,"id"?: string,"last_activity_at"?: string,"parking_lot_id"?: string | null,"status"?: string,"subject"?: string,"updated_at"?: string,"user_id"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "support_tickets_assigned_to_fkey"
      columns: ["assigned_to"]
isOneToOne: false
      referencedRelation: "app_users"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "support_tickets_parking_lot_id_fkey"
      columns: ["parking_lot_id"]
isOneToOne: false
      referencedRelation: "parking_lots"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "support_tickets_user_id_fkey"
      columns: ["user_id"]
isOneToOne: false
      referencedRelation: "app_users"
      referencedColumns: ["id"]
    }
                  ]
                },"tags": {
                  Row: {
                    "active": boolean,"created_at": string,"id": number,"kind": string,"name_en": string,"name_ja": string,"slug": string,"sort_order": number
                  }
                  ComputedFields: never
                  Insert: {
                    "active"?: boolean,"created_at"?: string,"id"?: never,"kind"?: string,"name_en": string,"name_ja": string,"slug": string,"sort_order"?: number
                  }
                  Update: {
                    "active"?: boolean,"created_at"?: string,"id"?: never,"kind"?: string,"name_en"?: string,"name_ja"?: string,"slug"?: string,"sort_order"?: number
                  }
                  Relationships: [
                    
                  ]
                },"user_activity_logs": {
                  Row: {
                    "activity_type": string,"created_at": string,"id": number,"metadata": NonNullable<Json>,"occurred_at": string,"source_id": string | null,"source_type": string | null,"user_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "activity_type": string,"created_at"?: string,"id"?: never,"metadata"?: NonNullable<Json>,"occurred_at"?: string,"source_id"?: string | null,"source_type"?: string | null,"user_id"?: string
                  }
                  Update: {
                    "activity_type"?: string,"created_at"?: string,"id"?: never,"metadata"?: NonNullable<Json>,"occurred_at"?: string,"source_id"?: string | null,"source_type"?: string | null,"user_id"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "user_activity_logs_user_id_fkey"
      columns: ["user_id"]
isOneToOne: false
      referencedRelation: "app_users"
      referencedColumns: ["id"]
    }
                  ]
                },"user_notifications": {
                  Row: {
                    "body": string | null,"created_at": string,"deep_link": string | null,"delivered_at": string | null,"id": string,"notif_category": string,"notif_type": string,"payload": NonNullable<Json>,"read_at": string | null,"sent_at": string | null,"status": string,"title": string,"user_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "body"?: string | null,"created_at"?: string,"deep_link"?: string | null,"delivered_at"?: string | null,"id"?: string,"notif_category"?: string,"notif_type": string,"payload"?: NonNullable<Json>,"read_at"?: string | null,"sent_at"?: string | null,"status"?: string,"title": string,"user_id": string
                  }
                  Update: {
                    "body"?: string | null,"created_at"?: string,"deep_link"?: string | null,"delivered_at"?: string | null,"id"?: string,"notif_category"?: string,"notif_type"?: string,"payload"?: NonNullable<Json>,"read_at"?: string | null,"sent_at"?: string | null,"status"?: string,"title"?: string,"user_id"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "user_notifications_user_id_fkey"
      columns: ["user_id"]
isOneToOne: false
      referencedRelation: "app_users"
      referencedColumns: ["id"]
    }
                  ]
                },"user_push_tokens": {
                  Row: {
                    "app_version": string | null,"created_at": string,"device_id": string,"device_type": string,"fcm_token": string,"id": string,"last_seen_at": string,"updated_at": string,"user_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "app_version"?: string | null,"created_at"?: string,"device_id": string,"device_type": string,"fcm_token": string,"id"?: string,"last_seen_at"?: string,"updated_at"?: string,"user_id"?: string
                  }
                  Update: {
                    "app_version"?: string | null,"created_at"?: string,"device_id"?: string,"device_type"?: string,"fcm_token"?: string,"id"?: string,"last_seen_at"?: string,"updated_at"?: string,"user_id"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "user_push_tokens_user_id_fkey"
      columns: ["user_id"]
isOneToOne: false
      referencedRelation: "app_users"
      referencedColumns: ["id"]
    }
                  ]
                },"user_saved_parkings": {
                  Row: {
                    "created_at": string,"parking_lot_id": string,"user_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "created_at"?: string,"parking_lot_id": string,"user_id"?: string
                  }
                  Update: {
                    "created_at"?: string,"parking_lot_id"?: string,"user_id"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "user_saved_parkings_parking_lot_id_fkey"
      columns: ["parking_lot_id"]
isOneToOne: false
      referencedRelation: "parking_lots"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "user_saved_parkings_user_id_fkey"
      columns: ["user_id"]
isOneToOne: false
      referencedRelation: "app_users"
      referencedColumns: ["id"]
    }
                  ]
                },"user_subscriptions": {
                  Row: {
                    "auto_renew": boolean,"cancelled_at": string | null,"created_at": string,"current_period_end": string | null,"current_period_start": string | null,"id": string,"original_transaction_id": string,"plan_id": string,"status": string,"store": string,"updated_at": string,"user_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "auto_renew"?: boolean,"cancelled_at"?: string | null,"created_at"?: string,"current_period_end"?: string | null,"current_period_start"?: string | null,"id"?: string,"original_transaction_id": string,"plan_id": string,"status": string,"store": string,"updated_at"?: string,"user_id": string
                  }
                  Update: {
                    "auto_renew"?: boolean,"cancelled_at"?: string | null,"created_at"?: string,"current_period_end"?: string | null,"current_period_start"?: string | null,"id"?: string,"original_transaction_id"?: string,"plan_id"?: string,"status"?: string,"store"?: string,"updated_at"?: string,"user_id"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "user_subscriptions_plan_id_fkey"
      columns: ["plan_id"]
isOneToOne: false
      referencedRelation: "subscription_plans"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "user_subscriptions_user_id_fkey"
      columns: ["user_id"]
isOneToOne: false
      referencedRelation: "app_users"
      referencedColumns: ["id"]
    }
                  ]
                }
          }
          Views: {
            [_ in never]: never
          }
          Functions: {
            "delete_review":
{ Args: { "p_client_request_id": string,"p_review_id": string }; Returns: Json
                           },
"edit_review":
{ Args: { "p_client_request_id": string,"p_comment"?: string,"p_image_urls"?: (string)[],"p_rating": number,"p_review_id": string,"p_submit"?: boolean }; Returns: Json
                           },
"file_error_report":
{ Args: { "p_client_request_id": string,"p_description"?: string,"p_lot_id": string,"p_report_type": string }; Returns: Json
                           },
"get_parking_lot":
{ Args: { "p_lot_id": string }; Returns: Json
                           },
"mark_notifications_read":
{ Args: { "p_client_request_id": string,"p_notification_ids"?: (string)[] }; Returns: Json
                           },
"moderate_review":
{ Args: { "p_client_request_id": string,"p_decision": string,"p_reason"?: string,"p_review_id": string }; Returns: Json
                           },
"nearby_parking_lots":
{ Args: { "p_entry_methods"?: (string)[],"p_lat": number,"p_limit"?: number,"p_lng": number,"p_open_at"?: string,"p_payment_methods"?: (string)[],"p_radius_m"?: number,"p_structures"?: (string)[],"p_tags"?: (string)[],"p_vehicle_clearance_cm"?: number,"p_vehicle_height_m"?: number,"p_vehicle_length_m"?: number,"p_vehicle_weight_t"?: number,"p_vehicle_width_m"?: number }; Returns: {
              "address": string,"city": string,"distance_m": number,"entry_method": string,"id": string,"lat": number,"lng": number,"max_height_m": number,"max_length_m": number,"max_weight_t": number,"max_width_m": number,"min_clearance_cm": number,"name": string,"prefecture": string,"rating_average": number,"rating_count": number,"status": string,"structure": string,"total_spaces": number
            }[]
                           },
"open_support_ticket":
{ Args: { "p_body": string,"p_category": string,"p_client_request_id": string,"p_lot_id"?: string,"p_subject": string }; Returns: Json
                           },
"post_review":
{ Args: { "p_client_request_id": string,"p_comment"?: string,"p_draft"?: boolean,"p_image_urls"?: (string)[],"p_lot_id": string,"p_rating": number,"p_session_id"?: string }; Returns: Json
                           },
"reply_support_ticket":
{ Args: { "p_body": string,"p_client_request_id": string,"p_ticket_id": string }; Returns: Json
                           },
"save_parking_lot":
{ Args: { "p_client_request_id": string,"p_lot_id": string }; Returns: Json
                           },
"set_user_status":
{ Args: { "p_client_request_id": string,"p_status": string,"p_user_id": string }; Returns: Json
                           },
"unsave_parking_lot":
{ Args: { "p_client_request_id": string,"p_lot_id": string }; Returns: Json
                           },
"upsert_push_token":
{ Args: { "p_app_version"?: string,"p_client_request_id": string,"p_device_id": string,"p_device_type": string,"p_fcm_token": string }; Returns: Json
                           },
"withdraw":
{ Args: { "p_client_request_id": string }; Returns: Json
                           }
          }
          Enums: {
            [_ in never]: never
          }
          CompositeTypes: {
            [_ in never]: never
          }
        },"prompty": {
          Tables: {
            [_ in never]: never
          }
          Views: {
            [_ in never]: never
          }
          Functions: {
            [_ in never]: never
          }
          Enums: {
            [_ in never]: never
          }
          CompositeTypes: {
            [_ in never]: never
          }
        }
}

type DatabaseWithoutInternals = Omit<Database, '__InternalSupabase'>

type DefaultSchema = DatabaseWithoutInternals[Extract<keyof Database, "parky">]

export type Tables<
  DefaultSchemaTableNameOrOptions extends
    | keyof (DefaultSchema["Tables"] & DefaultSchema["Views"])
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
        DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])
    : never = never
> = DefaultSchemaTableNameOrOptions extends { schema: keyof DatabaseWithoutInternals }
  ? (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
      DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])[TableName] extends {
      Row: infer R
    }
    ? R
    : never
  : DefaultSchemaTableNameOrOptions extends keyof (DefaultSchema["Tables"] & DefaultSchema["Views"])
  ? (DefaultSchema["Tables"] & DefaultSchema["Views"])[DefaultSchemaTableNameOrOptions] extends {
      Row: infer R
    }
    ? R
    : never
  : never

export type TablesInsert<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never = never
> = DefaultSchemaTableNameOrOptions extends { schema: keyof DatabaseWithoutInternals }
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Insert: infer I
    }
    ? I
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
  ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
      Insert: infer I
    }
    ? I
    : never
  : never

export type TablesUpdate<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never = never
> = DefaultSchemaTableNameOrOptions extends { schema: keyof DatabaseWithoutInternals }
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Update: infer U
    }
    ? U
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
  ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
      Update: infer U
    }
    ? U
    : never
  : never

export type Enums<
  DefaultSchemaEnumNameOrOptions extends
    | keyof DefaultSchema["Enums"]
    | { schema: keyof DatabaseWithoutInternals },
  EnumName extends DefaultSchemaEnumNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"]
    : never = never
> = DefaultSchemaEnumNameOrOptions extends { schema: keyof DatabaseWithoutInternals }
  ? DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"][EnumName]
  : DefaultSchemaEnumNameOrOptions extends keyof DefaultSchema["Enums"]
  ? DefaultSchema["Enums"][DefaultSchemaEnumNameOrOptions]
  : never

export type CompositeTypes<
  PublicCompositeTypeNameOrOptions extends
    | keyof DefaultSchema["CompositeTypes"]
    | { schema: keyof DatabaseWithoutInternals },
  CompositeTypeName extends PublicCompositeTypeNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"]
    : never = never
> = PublicCompositeTypeNameOrOptions extends { schema: keyof DatabaseWithoutInternals }
  ? DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"][CompositeTypeName]
  : PublicCompositeTypeNameOrOptions extends keyof DefaultSchema["CompositeTypes"]
  ? DefaultSchema["CompositeTypes"][PublicCompositeTypeNameOrOptions]
  : never

export const Constants = {
  "parky": {
          Enums: {
            
          }
        },"prompty": {
          Enums: {
            
          }
        }
} as const
