
export type Json = string | number | boolean | null | { [key: string]: Json | undefined } | Json[]

export type Database = {
  
  "parky": {
          Tables: {
            "activity_exp_rules": {
                  Row: {
                    "active": boolean,"activity_type": string,"amount": number | null,"amount_factor": number,"amount_max": number | null,"amount_path": string | null,"cap_group": string | null,"code": string,"compiled_amount_path": (string)[] | null,"compiled_cap": number | null,"compiled_cap_key": string | null,"compiled_condition": unknown,"condition": Json | null,"created_at": string,"daily_cap": number | null,"id": number,"updated_at": string,"valid_from": string | null,"valid_to": string | null
                  }
                  ComputedFields: never
                  Insert: {
                    "active"?: boolean,"activity_type": string,"amount"?: number | null,"amount_factor"?: number,"amount_max"?: number | null,"amount_path"?: string | null,"cap_group"?: string | null,"code": string,"compiled_amount_path"?: (string)[] | null,"compiled_cap"?: number | null,"compiled_cap_key"?: string | null,"compiled_condition"?: unknown,"condition"?: Json | null,"created_at"?: string,"daily_cap"?: number | null,"id"?: never,"updated_at"?: string,"valid_from"?: string | null,"valid_to"?: string | null
                  }
                  Update: {
                    "active"?: boolean,"activity_type"?: string,"amount"?: number | null,"amount_factor"?: number,"amount_max"?: number | null,"amount_path"?: string | null,"cap_group"?: string | null,"code"?: string,"compiled_amount_path"?: (string)[] | null,"compiled_cap"?: number | null,"compiled_cap_key"?: string | null,"compiled_condition"?: unknown,"condition"?: Json | null,"created_at"?: string,"daily_cap"?: number | null,"id"?: never,"updated_at"?: string,"valid_from"?: string | null,"valid_to"?: string | null
                  }
                  Relationships: [
                    {
      foreignKeyName: "activity_exp_rules_activity_type_fkey"
      columns: ["activity_type"]
isOneToOne: false
      referencedRelation: "activity_types"
      referencedColumns: ["activity_type"]
    },{
      foreignKeyName: "activity_exp_rules_cap_group_fkey"
      columns: ["cap_group"]
isOneToOne: false
      referencedRelation: "exp_cap_groups"
      referencedColumns: ["code"]
    }
                  ]
                },"activity_types": {
                  Row: {
                    "activity_type": string,"client_insertable": boolean,"description": string | null,"eligibility": Json | null,"eligibility_path": unknown,"metadata_paths": NonNullable<Json>,"updated_at": string
                  }
                  ComputedFields: never
                  Insert: {
                    "activity_type": string,"client_insertable"?: boolean,"description"?: string | null,"eligibility"?: Json | null,"eligibility_path"?: unknown,"metadata_paths"?: NonNullable<Json>,"updated_at"?: string
                  }
                  Update: {
                    "activity_type"?: string,"client_insertable"?: boolean,"description"?: string | null,"eligibility"?: Json | null,"eligibility_path"?: unknown,"metadata_paths"?: NonNullable<Json>,"updated_at"?: string
                  }
                  Relationships: [
                    
                  ]
                },"admins": {
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
                },"badge_definitions": {
                  Row: {
                    "active": boolean,"code": string,"condition": NonNullable<Json>,"created_at": string,"description_en": string | null,"description_ja": string | null,"hidden": boolean,"id": number,"name_en": string,"name_ja": string,"repeatable": boolean,"sort_order": number,"tiers": NonNullable<Json>,"updated_at": string,"valid_from": string | null,"valid_to": string | null
                  }
                  ComputedFields: never
                  Insert: {
                    "active"?: boolean,"code": string,"condition": NonNullable<Json>,"created_at"?: string,"description_en"?: string | null,"description_ja"?: string | null,"hidden"?: boolean,"id"?: never,"name_en": string,"name_ja": string,"repeatable"?: boolean,"sort_order"?: number,"tiers"?: NonNullable<Json>,"updated_at"?: string,"valid_from"?: string | null,"valid_to"?: string | null
                  }
                  Update: {
                    "active"?: boolean,"code"?: string,"condition"?: NonNullable<Json>,"created_at"?: string,"description_en"?: string | null,"description_ja"?: string | null,"hidden"?: boolean,"id"?: never,"name_en"?: string,"name_ja"?: string,"repeatable"?: boolean,"sort_order"?: number,"tiers"?: NonNullable<Json>,"updated_at"?: string,"valid_from"?: string | null,"valid_to"?: string | null
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
                },"exp_cap_groups": {
                  Row: {
                    "code": string,"daily_cap": number,"description": string | null
                  }
                  ComputedFields: never
                  Insert: {
                    "code": string,"daily_cap": number,"description"?: string | null
                  }
                  Update: {
                    "code"?: string,"daily_cap"?: number,"description"?: string | null
                  }
                  Relationships: [
                    
                  ]
                },"level_definitions": {
                  Row: {
                    "exp_required": number,"level": number,"theme_code": string | null,"title_en": string,"title_ja": string
                  }
                  ComputedFields: never
                  Insert: {
                    "exp_required": number,"level": number,"theme_code"?: string | null,"title_en": string,"title_ja": string
                  }
                  Update: {
                    "exp_required"?: number,"level"?: number,"theme_code"?: string | null,"title_en"?: string,"title_ja"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "level_definitions_theme_code_fkey"
      columns: ["theme_code"]
isOneToOne: false
      referencedRelation: "themes"
      referencedColumns: ["code"]
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
      foreignKeyName: "parking_reviews_session_id_fkey"
      columns: ["session_id"]
isOneToOne: false
      referencedRelation: "parking_sessions"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "parking_reviews_user_id_fkey"
      columns: ["user_id"]
isOneToOne: false
      referencedRelation: "app_users"
      referencedColumns: ["id"]
    }
                  ]
                },"parking_sessions": {
                  Row: {
                    "created_at": string,"deleted_at": string | null,"ended_at": string | null,"fee_breakdown": Json | null,"gps_verified": boolean,"id": string,"memo": string | null,"parking_lot_id": string,"personal_rating": string | null,"start_lat": number | null,"start_lng": number | null,"started_at": string,"status": string,"tariff_snapshot": NonNullable<Json>,"total_amount": number | null,"updated_at": string,"user_id": string,"vehicle_type": string | null
                  }
                  ComputedFields: never
                  Insert: {
                    "created_at"?: string,"deleted_at"?: string | null,"ended_at"?: string | null,"fee_breakdown"?: Json | null,"gps_verified"?: boolean,"id"?: string,"memo"?: string | null,"parking_lot_id": string,"personal_rating"?: string | null,"start_lat"?: number | null,"start_lng"?: number | null,"started_at"?: string,"status"?: string,"tariff_snapshot": NonNullable<Json>,"total_amount"?: number | null,"updated_at"?: string,"user_id": string,"vehicle_type"?: string | null
                  }
                  Update: {
                    "created_at"?: string,"deleted_at"?: string | null,"ended_at"?: string | null,"fee_breakdown"?: Json | null,"gps_verified"?: boolean,"id"?: string,"memo"?: string | null,"parking_lot_id"?: string,"personal_rating"?: string | null,"start_lat"?: number | null,"start_lng"?: number | null,"started_at"?: string,"status"?: string,"tariff_snapshot"?: NonNullable<Json>,"total_amount"?: number | null,"updated_at"?: string,"user_id"?: string,"vehicle_type"?: string | null
                  }
                  Relationships: [
                    {
      foreignKeyName: "parking_sessions_parking_lot_id_fkey"
      columns: ["parking_lot_id"]
isOneToOne: false
      referencedRelation: "parking_lots"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "parking_sessions_user_id_fkey"
      columns: ["user_id"]
isOneToOne: false
      referencedRelation: "app_users"
      referencedColumns: ["id"]
    }
                  ]
                },"public_holidays": {
                  Row: {
                    "holiday_date": string,"name_en": string | null,"name_ja": string
                  }
                  ComputedFields: never
                  Insert: {
                    "holiday_date": string,"name_en"?: string | null,"name_ja": string
                  }
                  Update: {
                    "holiday_date"?: string,"name_en"?: string | null,"name_ja"?: string
                  }
                  Relationships: [
                    
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
                },"themes": {
                  Row: {
                    "code": string,"name_en": string,"name_ja": string,"slot": string,"sort_order": number
                  }
                  ComputedFields: never
                  Insert: {
                    "code": string,"name_en": string,"name_ja": string,"slot": string,"sort_order"?: number
                  }
                  Update: {
                    "code"?: string,"name_en"?: string,"name_ja"?: string,"slot"?: string,"sort_order"?: number
                  }
                  Relationships: [
                    
                  ]
                },"user_active_themes": {
                  Row: {
                    "activated_at": string,"slot": string,"theme_code": string,"user_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "activated_at"?: string,"slot": string,"theme_code": string,"user_id": string
                  }
                  Update: {
                    "activated_at"?: string,"slot"?: string,"theme_code"?: string,"user_id"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "user_active_themes_owned_fkey"
      columns: ["user_id","theme_code"]
isOneToOne: false
      referencedRelation: "user_themes"
      referencedColumns: ["user_id","theme_code"]
    },{
      foreignKeyName: "user_active_themes_user_id_fkey"
      columns: ["user_id"]
isOneToOne: false
      referencedRelation: "app_users"
      referencedColumns: ["id"]
    }
                  ]
                },"user_activity_logs": {
                  Row: {
                    "activity_type": string,"created_at": string,"id": number,"is_server": boolean,"metadata": NonNullable<Json>,"occurred_at": string,"source_id": string | null,"source_type": string | null,"user_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "activity_type": string,"created_at"?: string,"id"?: never,"is_server"?: boolean,"metadata"?: NonNullable<Json>,"occurred_at"?: string,"source_id"?: string | null,"source_type"?: string | null,"user_id"?: string
                  }
                  Update: {
                    "activity_type"?: string,"created_at"?: string,"id"?: never,"is_server"?: boolean,"metadata"?: NonNullable<Json>,"occurred_at"?: string,"source_id"?: string | null,"source_type"?: string | null,"user_id"?: string
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
                },"user_badge_progress": {
                  Row: {
                    "awarded_tier": number,"badge_id": number,"best": number | null,"last_day": string | null,"period_key": string,"updated_at": string,"user_id": string,"value": number
                  }
                  ComputedFields: never
                  Insert: {
                    "awarded_tier"?: number,"badge_id": number,"best"?: number | null,"last_day"?: string | null,"period_key"?: string,"updated_at"?: string,"user_id": string,"value"?: number
                  }
                  Update: {
                    "awarded_tier"?: number,"badge_id"?: number,"best"?: number | null,"last_day"?: string | null,"period_key"?: string,"updated_at"?: string,"user_id"?: string,"value"?: number
                  }
                  Relationships: [
                    {
      foreignKeyName: "user_badge_progress_badge_id_fkey"
      columns: ["badge_id"]
isOneToOne: false
      referencedRelation: "badge_definitions"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "user_badge_progress_user_id_fkey"
      columns: ["user_id"]
isOneToOne: false
      referencedRelation: "app_users"
      referencedColumns: ["id"]
    }
                  ]
                },"user_badges": {
                  Row: {
                    "activity_log_id": number | null,"awarded_at": string,"badge_id": number,"id": number,"period_key": string,"tier": number,"user_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "activity_log_id"?: number | null,"awarded_at"?: string,"badge_id": number,"id"?: never,"period_key"?: string,"tier"?: number,"user_id": string
                  }
                  Update: {
                    "activity_log_id"?: number | null,"awarded_at"?: string,"badge_id"?: number,"id"?: never,"period_key"?: string,"tier"?: number,"user_id"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "user_badges_badge_id_fkey"
      columns: ["badge_id"]
isOneToOne: false
      referencedRelation: "badge_definitions"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "user_badges_user_id_fkey"
      columns: ["user_id"]
isOneToOne: false
      referencedRelation: "app_users"
      referencedColumns: ["id"]
    }
                  ]
                },"user_exp": {
                  Row: {
                    "completed_badge_ids": (number)[],"level": number,"next_level_exp": number | null,"total_exp": number,"updated_at": string,"user_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "completed_badge_ids"?: (number)[],"level"?: number,"next_level_exp"?: number | null,"total_exp"?: number,"updated_at"?: string,"user_id": string
                  }
                  Update: {
                    "completed_badge_ids"?: (number)[],"level"?: number,"next_level_exp"?: number | null,"total_exp"?: number,"updated_at"?: string,"user_id"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "user_exp_user_id_fkey"
      columns: ["user_id"]
isOneToOne: true
      referencedRelation: "app_users"
      referencedColumns: ["id"]
    }
                  ]
                },"user_exp_ledger": {
                  Row: {
                    "activity_log_id": number | null,"created_at": string,"detail": Json | null,"granted": number,"id": number,"jst_day": string,"requested": number,"user_badge_id": number | null,"user_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "activity_log_id"?: number | null,"created_at"?: string,"detail"?: Json | null,"granted": number,"id"?: never,"jst_day": string,"requested": number,"user_badge_id"?: number | null,"user_id": string
                  }
                  Update: {
                    "activity_log_id"?: number | null,"created_at"?: string,"detail"?: Json | null,"granted"?: number,"id"?: never,"jst_day"?: string,"requested"?: number,"user_badge_id"?: number | null,"user_id"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "user_exp_ledger_user_badge_id_fkey"
      columns: ["user_badge_id"]
isOneToOne: false
      referencedRelation: "user_badges"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "user_exp_ledger_user_id_fkey"
      columns: ["user_id"]
isOneToOne: false
      referencedRelation: "app_users"
      referencedColumns: ["id"]
    }
                  ]
                },"user_level_ups": {
                  Row: {
                    "level": number,"reached_at": string,"user_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "level": number,"reached_at"?: string,"user_id": string
                  }
                  Update: {
                    "level"?: number,"reached_at"?: string,"user_id"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "user_level_ups_user_id_fkey"
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
                },"user_themes": {
                  Row: {
                    "acquired_at": string,"source": string,"theme_code": string,"user_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "acquired_at"?: string,"source": string,"theme_code": string,"user_id": string
                  }
                  Update: {
                    "acquired_at"?: string,"source"?: string,"theme_code"?: string,"user_id"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "user_themes_theme_code_fkey"
      columns: ["theme_code"]
isOneToOne: false
      referencedRelation: "themes"
      referencedColumns: ["code"]
    },{
      foreignKeyName: "user_themes_user_id_fkey"
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
            "activate_theme":
{ Args: { "p_client_request_id": string,"p_theme_code": string }; Returns: Json
                           },
"admin_staff_fields":
{ Args: { "p_ids": (string)[],"p_kind": string }; Returns: {
              "id": string,"staff_user_id": string
            }[]
                           },
"calculate_fee":
{ Args: { "p_ended_at": string,"p_started_at": string,"p_tariff": Json }; Returns: Json
                           },
"cancel_parking_session":
{ Args: { "p_client_request_id": string,"p_session_id": string }; Returns: Json
                           },
"delete_parking_session":
{ Args: { "p_client_request_id": string,"p_session_id": string }; Returns: Json
                           },
"delete_review":
{ Args: { "p_client_request_id": string,"p_review_id": string }; Returns: Json
                           },
"edit_review":
{ Args: { "p_client_request_id": string,"p_comment"?: string,"p_image_urls"?: (string)[],"p_rating": number,"p_review_id": string,"p_submit"?: boolean }; Returns: Json
                           },
"end_parking_session":
{ Args: { "p_client_request_id": string,"p_session_id": string }; Returns: Json
                           },
"file_error_report":
{ Args: { "p_client_request_id": string,"p_description"?: string,"p_lot_id": string,"p_report_type": string }; Returns: Json
                           },
"get_lot_tariff":
{ Args: { "p_lot_id": string }; Returns: Json
                           },
"get_parking_lot":
{ Args: { "p_lot_id": string }; Returns: Json
                           },
"list_parking_sessions":
{ Args: { "p_before_id"?: string,"p_before_started_at"?: string,"p_limit"?: number }; Returns: {
              "created_at": string,
"deleted_at": string | null,
"ended_at": string | null,
"fee_breakdown": Json | null,
"gps_verified": boolean,
"id": string,
"memo": string | null,
"parking_lot_id": string,
"personal_rating": string | null,
"start_lat": number | null,
"start_lng": number | null,
"started_at": string,
"status": string,
"tariff_snapshot": NonNullable<Json>,
"total_amount": number | null,
"updated_at": string,
"user_id": string,
"vehicle_type": string | null
            }[]
                          SetofOptions: {
        from: "*"
        to: "parking_sessions"
        isOneToOne: false
        isSetofReturn: true
      } },
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
"nearby_parking_lots_with_fee":
{ Args: { "p_entry_methods"?: (string)[],"p_lat": number,"p_limit"?: number,"p_lng": number,"p_open_at"?: string,"p_payment_methods"?: (string)[],"p_radius_m"?: number,"p_stay_minutes": number,"p_stay_start"?: string,"p_structures"?: (string)[],"p_tags"?: (string)[],"p_vehicle_clearance_cm"?: number,"p_vehicle_height_m"?: number,"p_vehicle_length_m"?: number,"p_vehicle_weight_t"?: number,"p_vehicle_width_m"?: number }; Returns: {
              "address": string,"city": string,"distance_m": number,"entry_method": string,"estimated_fee": number,"id": string,"lat": number,"lng": number,"max_height_m": number,"max_length_m": number,"max_weight_t": number,"max_width_m": number,"min_clearance_cm": number,"name": string,"prefecture": string,"rating_average": number,"rating_count": number,"status": string,"structure": string,"total_spaces": number
            }[]
                           },
"open_support_ticket":
{ Args: { "p_body": string,"p_category": string,"p_client_request_id": string,"p_lot_id"?: string,"p_subject": string }; Returns: Json
                           },
"post_review":
{ Args: { "p_client_request_id": string,"p_comment"?: string,"p_draft"?: boolean,"p_image_urls"?: (string)[],"p_lot_id": string,"p_rating": number,"p_session_id"?: string }; Returns: Json
                           },
"quote_fee":
{ Args: { "p_ended_at": string,"p_lot_id": string,"p_started_at": string }; Returns: Json
                           },
"quote_parking_session":
{ Args: { "p_session_id": string }; Returns: Json
                           },
"recompute_badge":
{ Args: { "p_after_user"?: string,"p_badge_id": number,"p_max_users"?: number }; Returns: Json
                           },
"recompute_user_gamification":
{ Args: { "p_user_id": string }; Returns: Json
                           },
"replace_lot_tariff":
{ Args: { "p_client_request_id": string,"p_lot_id": string,"p_tariff": Json }; Returns: Json
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
"start_parking_session":
{ Args: { "p_client_request_id": string,"p_lat"?: number,"p_lng"?: number,"p_lot_id": string,"p_vehicle_type"?: string }; Returns: Json
                           },
"unsave_parking_lot":
{ Args: { "p_client_request_id": string,"p_lot_id": string }; Returns: Json
                           },
"update_parking_session":
{ Args: { "p_clear_rating"?: boolean,"p_client_request_id": string,"p_memo"?: string,"p_personal_rating"?: string,"p_session_id": string }; Returns: Json
                           },
"upsert_push_token":
{ Args: { "p_app_version"?: string,"p_client_request_id": string,"p_device_id": string,"p_device_type": string,"p_fcm_token": string }; Returns: Json
                           },
"validate_tariff":
{ Args: { "p_tariff": Json }; Returns: undefined
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
            "account_settings": {
                  Row: {
                    "accept_tips": boolean,"add_mentions_on_share": boolean,"allow_anonymous_purchase": boolean,"allow_reposts": boolean,"opt_out_ai_training": boolean,"show_creator_page": boolean,"show_recommended_creators": boolean,"updated_at": string,"use_serif_font": boolean,"user_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "accept_tips"?: boolean,"add_mentions_on_share"?: boolean,"allow_anonymous_purchase"?: boolean,"allow_reposts"?: boolean,"opt_out_ai_training"?: boolean,"show_creator_page"?: boolean,"show_recommended_creators"?: boolean,"updated_at"?: string,"use_serif_font"?: boolean,"user_id": string
                  }
                  Update: {
                    "accept_tips"?: boolean,"add_mentions_on_share"?: boolean,"allow_anonymous_purchase"?: boolean,"allow_reposts"?: boolean,"opt_out_ai_training"?: boolean,"show_creator_page"?: boolean,"show_recommended_creators"?: boolean,"updated_at"?: string,"use_serif_font"?: boolean,"user_id"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "account_settings_user_id_fkey"
      columns: ["user_id"]
isOneToOne: true
      referencedRelation: "profile_stats"
      referencedColumns: ["profile_id"]
    },{
      foreignKeyName: "account_settings_user_id_fkey"
      columns: ["user_id"]
isOneToOne: true
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    }
                  ]
                },"analytics_summary": {
                  Row: {
                    "bookmark_count": number,"comment_count": number,"date": string,"like_count": number,"prompt_id": string,"purchase_count": number,"unique_viewer_count": number,"updated_at": string,"view_count": number
                  }
                  ComputedFields: never
                  Insert: {
                    "bookmark_count"?: number,"comment_count"?: number,"date": string,"like_count"?: number,"prompt_id": string,"purchase_count"?: number,"unique_viewer_count"?: number,"updated_at"?: string,"view_count"?: number
                  }
                  Update: {
                    "bookmark_count"?: number,"comment_count"?: number,"date"?: string,"like_count"?: number,"prompt_id"?: string,"purchase_count"?: number,"unique_viewer_count"?: number,"updated_at"?: string,"view_count"?: number
                  }
                  Relationships: [
                    {
      foreignKeyName: "analytics_summary_prompt_id_fkey"
      columns: ["prompt_id"]
isOneToOne: false
      referencedRelation: "prompt_stats"
      referencedColumns: ["prompt_id"]
    },{
      foreignKeyName: "analytics_summary_prompt_id_fkey"
      columns: ["prompt_id"]
isOneToOne: false
      referencedRelation: "prompts"
      referencedColumns: ["id"]
    }
                  ]
                },"analytics_views": {
                  Row: {
                    "id": string,"last_viewed_at": string,"prompt_id": string,"user_id": string | null,"view_day": string,"viewed_at": string,"views": number,"visitor_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "id"?: string,"last_viewed_at"?: string,"prompt_id": string,"user_id"?: string | null,"view_day": string,"viewed_at"?: string,"views"?: number,"visitor_id": string
                  }
                  Update: {
                    "id"?: string,"last_viewed_at"?: string,"prompt_id"?: string,"user_id"?: string | null,"view_day"?: string,"viewed_at"?: string,"views"?: number,"visitor_id"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "analytics_views_prompt_id_fkey"
      columns: ["prompt_id"]
isOneToOne: false
      referencedRelation: "prompt_stats"
      referencedColumns: ["prompt_id"]
    },{
      foreignKeyName: "analytics_views_prompt_id_fkey"
      columns: ["prompt_id"]
isOneToOne: false
      referencedRelation: "prompts"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "analytics_views_user_id_fkey"
      columns: ["user_id"]
isOneToOne: false
      referencedRelation: "profile_stats"
      referencedColumns: ["profile_id"]
    },{
      foreignKeyName: "analytics_views_user_id_fkey"
      columns: ["user_id"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    }
                  ]
                },"announcement_reads": {
                  Row: {
                    "announcement_id": string,"read_at": string,"user_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "announcement_id": string,"read_at"?: string,"user_id"?: string
                  }
                  Update: {
                    "announcement_id"?: string,"read_at"?: string,"user_id"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "announcement_reads_announcement_id_fkey"
      columns: ["announcement_id"]
isOneToOne: false
      referencedRelation: "announcements"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "announcement_reads_user_id_fkey"
      columns: ["user_id"]
isOneToOne: false
      referencedRelation: "profile_stats"
      referencedColumns: ["profile_id"]
    },{
      foreignKeyName: "announcement_reads_user_id_fkey"
      columns: ["user_id"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    }
                  ]
                },"announcements": {
                  Row: {
                    "content": string,"created_at": string,"created_by": string | null,"end_date": string | null,"icon": string | null,"icon_color": string | null,"id": string,"is_active": boolean,"start_date": string,"title": string,"updated_at": string
                  }
                  ComputedFields: never
                  Insert: {
                    "content": string,"created_at"?: string,"created_by"?: string | null,"end_date"?: string | null,"icon"?: string | null,"icon_color"?: string | null,"id"?: string,"is_active"?: boolean,"start_date"?: string,"title": string,"updated_at"?: string
                  }
                  Update: {
                    "content"?: string,"created_at"?: string,"created_by"?: string | null,"end_date"?: string | null,"icon"?: string | null,"icon_color"?: string | null,"id"?: string,"is_active"?: boolean,"start_date"?: string,"title"?: string,"updated_at"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "announcements_created_by_fkey"
      columns: ["created_by"]
isOneToOne: false
      referencedRelation: "profile_stats"
      referencedColumns: ["profile_id"]
    },{
      foreignKeyName: "announcements_created_by_fkey"
      columns: ["created_by"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    }
                  ]
                },"badges": {
                  Row: {
                    "created_at": string,"description": string | null,"icon": string | null,"id": string,"name": string,"slug": string
                  }
                  ComputedFields: never
                  Insert: {
                    "created_at"?: string,"description"?: string | null,"icon"?: string | null,"id"?: string,"name": string,"slug": string
                  }
                  Update: {
                    "created_at"?: string,"description"?: string | null,"icon"?: string | null,"id"?: string,"name"?: string,"slug"?: string
                  }
                  Relationships: [
                    
                  ]
                },"bookmarks": {
                  Row: {
                    "created_at": string,"prompt_id": string,"user_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "created_at"?: string,"prompt_id": string,"user_id"?: string
                  }
                  Update: {
                    "created_at"?: string,"prompt_id"?: string,"user_id"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "bookmarks_prompt_id_fkey"
      columns: ["prompt_id"]
isOneToOne: false
      referencedRelation: "prompt_stats"
      referencedColumns: ["prompt_id"]
    },{
      foreignKeyName: "bookmarks_prompt_id_fkey"
      columns: ["prompt_id"]
isOneToOne: false
      referencedRelation: "prompts"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "bookmarks_user_id_fkey"
      columns: ["user_id"]
isOneToOne: false
      referencedRelation: "profile_stats"
      referencedColumns: ["profile_id"]
    },{
      foreignKeyName: "bookmarks_user_id_fkey"
      columns: ["user_id"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    }
                  ]
                },"categories": {
                  Row: {
                    "created_at": string,"created_by": string | null,"description": string | null,"icon": string | null,"id": string,"name": string,"parent_id": string | null,"slug": string,"sort_order": number,"updated_at": string
                  }
                  ComputedFields: never
                  Insert: {
                    "created_at"?: string,"created_by"?: string | null,"description"?: string | null,"icon"?: string | null,"id"?: string,"name": string,"parent_id"?: string | null,"slug": string,"sort_order"?: number,"updated_at"?: string
                  }
                  Update: {
                    "created_at"?: string,"created_by"?: string | null,"description"?: string | null,"icon"?: string | null,"id"?: string,"name"?: string,"parent_id"?: string | null,"slug"?: string,"sort_order"?: number,"updated_at"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "categories_created_by_fkey"
      columns: ["created_by"]
isOneToOne: false
      referencedRelation: "profile_stats"
      referencedColumns: ["profile_id"]
    },{
      foreignKeyName: "categories_created_by_fkey"
      columns: ["created_by"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "categories_parent_id_fkey"
      columns: ["parent_id"]
isOneToOne: false
      referencedRelation: "categories"
      referencedColumns: ["id"]
    }
                  ]
                },"comments": {
                  Row: {
                    "content": string,"created_at": string,"edited_at": string | null,"hidden_at": string | null,"hidden_reason": string | null,"id": string,"is_edited": boolean,"parent_id": string | null,"prompt_id": string,"updated_at": string,"user_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "content": string,"created_at"?: string,"edited_at"?: string | null,"hidden_at"?: string | null,"hidden_reason"?: string | null,"id"?: string,"is_edited"?: boolean,"parent_id"?: string | null,"prompt_id": string,"updated_at"?: string,"user_id"?: string
                  }
                  Update: {
                    "content"?: string,"created_at"?: string,"edited_at"?: string | null,"hidden_at"?: string | null,"hidden_reason"?: string | null,"id"?: string,"is_edited"?: boolean,"parent_id"?: string | null,"prompt_id"?: string,"updated_at"?: string,"user_id"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "comments_parent_id_fkey"
      columns: ["parent_id"]
isOneToOne: false
      referencedRelation: "comments"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "comments_prompt_id_fkey"
      columns: ["prompt_id"]
isOneToOne: false
      referencedRelation: "prompt_stats"
      referencedColumns: ["prompt_id"]
    },{
      foreignKeyName: "comments_prompt_id_fkey"
      columns: ["prompt_id"]
isOneToOne: false
      referencedRelation: "prompts"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "comments_user_id_fkey"
      columns: ["user_id"]
isOneToOne: false
      referencedRelation: "profile_stats"
      referencedColumns: ["profile_id"]
    },{
      foreignKeyName: "comments_user_id_fkey"
      columns: ["user_id"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    }
                  ]
                },"contacts": {
                  Row: {
                    "category": string,"created_at": string,"email": string,"id": string,"message": string,"name": string,"status": string,"subject": string,"updated_at": string,"user_id": string | null
                  }
                  ComputedFields: never
                  Insert: {
                    "category"?: string,"created_at"?: string,"email": string,"id"?: string,"message": string,"name": string,"status"?: string,"subject": string,"updated_at"?: string,"user_id"?: string | null
                  }
                  Update: {
                    "category"?: string,"created_at"?: string,"email"?: string,"id"?: string,"message"?: string,"name"?: string,"status"?: string,"subject"?: string,"updated_at"?: string,"user_id"?: string | null
                  }
                  Relationships: [
                    {
      foreignKeyName: "contacts_user_id_fkey"
      columns: ["user_id"]
isOneToOne: false
      referencedRelation: "profile_stats"
      referencedColumns: ["profile_id"]
    },{
      foreignKeyName: "contacts_user_id_fkey"
      columns: ["user_id"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    }
                  ]
                },"contest_entries": {
                  Row: {
                    "contest_id": string,"created_at": string,"id": string,"prompt_id": string,"user_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "contest_id": string,"created_at"?: string,"id"?: string,"prompt_id": string,"user_id"?: string
                  }
                  Update: {
                    "contest_id"?: string,"created_at"?: string,"id"?: string,"prompt_id"?: string,"user_id"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "contest_entries_contest_id_fkey"
      columns: ["contest_id"]
isOneToOne: false
      referencedRelation: "contests"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "contest_entries_prompt_id_fkey"
      columns: ["prompt_id"]
isOneToOne: false
      referencedRelation: "prompt_stats"
      referencedColumns: ["prompt_id"]
    },{
      foreignKeyName: "contest_entries_prompt_id_fkey"
      columns: ["prompt_id"]
isOneToOne: false
      referencedRelation: "prompts"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "contest_entries_user_id_fkey"
      columns: ["user_id"]
isOneToOne: false
      referencedRelation: "profile_stats"
      referencedColumns: ["profile_id"]
    },{
      foreignKeyName: "contest_entries_user_id_fkey"
      columns: ["user_id"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    }
                  ]
                },"contests": {
                  Row: {
                    "created_at": string,"created_by": string | null,"description": string | null,"end_at": string,"id": string,"is_active": boolean,"prize": string | null,"start_at": string,"theme": string | null,"title": string,"updated_at": string
                  }
                  ComputedFields: never
                  Insert: {
                    "created_at"?: string,"created_by"?: string | null,"description"?: string | null,"end_at": string,"id"?: string,"is_active"?: boolean,"prize"?: string | null,"start_at": string,"theme"?: string | null,"title": string,"updated_at"?: string
                  }
                  Update: {
                    "created_at"?: string,"created_by"?: string | null,"description"?: string | null,"end_at"?: string,"id"?: string,"is_active"?: boolean,"prize"?: string | null,"start_at"?: string,"theme"?: string | null,"title"?: string,"updated_at"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "contests_created_by_fkey"
      columns: ["created_by"]
isOneToOne: false
      referencedRelation: "profile_stats"
      referencedColumns: ["profile_id"]
    },{
      foreignKeyName: "contests_created_by_fkey"
      columns: ["created_by"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    }
                  ]
                },"drafts": {
                  Row: {
                    "ai_model": string | null,"author_id": string,"category_id": string | null,"content": string | null,"created_at": string,"description": string | null,"id": string,"is_free": boolean,"is_premium": boolean,"media_type": string,"preview_lines": number,"price": number,"prompt_content": string | null,"prompt_id": string | null,"prompt_title": string | null,"site_url": string | null,"tags": (string)[],"thumbnail_url": string | null,"title": string | null,"updated_at": string
                  }
                  ComputedFields: never
                  Insert: {
                    "ai_model"?: string | null,"author_id"?: string,"category_id"?: string | null,"content"?: string | null,"created_at"?: string,"description"?: string | null,"id"?: string,"is_free"?: boolean,"is_premium"?: boolean,"media_type"?: string,"preview_lines"?: number,"price"?: number,"prompt_content"?: string | null,"prompt_id"?: string | null,"prompt_title"?: string | null,"site_url"?: string | null,"tags"?: (string)[],"thumbnail_url"?: string | null,"title"?: string | null,"updated_at"?: string
                  }
                  Update: {
                    "ai_model"?: string | null,"author_id"?: string,"category_id"?: string | null,"content"?: string | null,"created_at"?: string,"description"?: string | null,"id"?: string,"is_free"?: boolean,"is_premium"?: boolean,"media_type"?: string,"preview_lines"?: number,"price"?: number,"prompt_content"?: string | null,"prompt_id"?: string | null,"prompt_title"?: string | null,"site_url"?: string | null,"tags"?: (string)[],"thumbnail_url"?: string | null,"title"?: string | null,"updated_at"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "drafts_author_id_fkey"
      columns: ["author_id"]
isOneToOne: false
      referencedRelation: "profile_stats"
      referencedColumns: ["profile_id"]
    },{
      foreignKeyName: "drafts_author_id_fkey"
      columns: ["author_id"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "drafts_category_id_fkey"
      columns: ["category_id"]
isOneToOne: false
      referencedRelation: "categories"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "drafts_prompt_id_fkey"
      columns: ["prompt_id"]
isOneToOne: false
      referencedRelation: "prompt_stats"
      referencedColumns: ["prompt_id"]
    },{
      foreignKeyName: "drafts_prompt_id_fkey"
      columns: ["prompt_id"]
isOneToOne: false
      referencedRelation: "prompts"
      referencedColumns: ["id"]
    }
                  ]
                },"feedback": {
                  Row: {
                    "category": string,"created_at": string,"email": string | null,"id": string,"message": string,"page_url": string | null,"status": string,"updated_at": string,"user_id": string | null
                  }
                  ComputedFields: never
                  Insert: {
                    "category"?: string,"created_at"?: string,"email"?: string | null,"id"?: string,"message": string,"page_url"?: string | null,"status"?: string,"updated_at"?: string,"user_id"?: string | null
                  }
                  Update: {
                    "category"?: string,"created_at"?: string,"email"?: string | null,"id"?: string,"message"?: string,"page_url"?: string | null,"status"?: string,"updated_at"?: string,"user_id"?: string | null
                  }
                  Relationships: [
                    {
      foreignKeyName: "feedback_user_id_fkey"
      columns: ["user_id"]
isOneToOne: false
      referencedRelation: "profile_stats"
      referencedColumns: ["profile_id"]
    },{
      foreignKeyName: "feedback_user_id_fkey"
      columns: ["user_id"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    }
                  ]
                },"follows": {
                  Row: {
                    "created_at": string,"follower_id": string,"following_id": string,"id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "created_at"?: string,"follower_id"?: string,"following_id": string,"id"?: string
                  }
                  Update: {
                    "created_at"?: string,"follower_id"?: string,"following_id"?: string,"id"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "follows_follower_id_fkey"
      columns: ["follower_id"]
isOneToOne: false
      referencedRelation: "profile_stats"
      referencedColumns: ["profile_id"]
    },{
      foreignKeyName: "follows_follower_id_fkey"
      columns: ["follower_id"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "follows_following_id_fkey"
      columns: ["following_id"]
isOneToOne: false
      referencedRelation: "profile_stats"
      referencedColumns: ["profile_id"]
    },{
      foreignKeyName: "follows_following_id_fkey"
      columns: ["following_id"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    }
                  ]
                },"likes": {
                  Row: {
                    "created_at": string,"prompt_id": string,"user_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "created_at"?: string,"prompt_id": string,"user_id"?: string
                  }
                  Update: {
                    "created_at"?: string,"prompt_id"?: string,"user_id"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "likes_prompt_id_fkey"
      columns: ["prompt_id"]
isOneToOne: false
      referencedRelation: "prompt_stats"
      referencedColumns: ["prompt_id"]
    },{
      foreignKeyName: "likes_prompt_id_fkey"
      columns: ["prompt_id"]
isOneToOne: false
      referencedRelation: "prompts"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "likes_user_id_fkey"
      columns: ["user_id"]
isOneToOne: false
      referencedRelation: "profile_stats"
      referencedColumns: ["profile_id"]
    },{
      foreignKeyName: "likes_user_id_fkey"
      columns: ["user_id"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    }
                  ]
                },"magazine_prompts": {
                  Row: {
                    "added_at": string,"magazine_id": string,"position": number,"prompt_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "added_at"?: string,"magazine_id": string,"position"?: number,"prompt_id": string
                  }
                  Update: {
                    "added_at"?: string,"magazine_id"?: string,"position"?: number,"prompt_id"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "magazine_prompts_magazine_id_fkey"
      columns: ["magazine_id"]
isOneToOne: false
      referencedRelation: "magazines"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "magazine_prompts_prompt_id_fkey"
      columns: ["prompt_id"]
isOneToOne: false
      referencedRelation: "prompt_stats"
      referencedColumns: ["prompt_id"]
    },{
      foreignKeyName: "magazine_prompts_prompt_id_fkey"
      columns: ["prompt_id"]
isOneToOne: false
      referencedRelation: "prompts"
      referencedColumns: ["id"]
    }
                  ]
                },"magazines": {
                  Row: {
                    "created_at": string,"description": string | null,"id": string,"is_public": boolean,"owner_id": string,"title": string,"updated_at": string
                  }
                  ComputedFields: never
                  Insert: {
                    "created_at"?: string,"description"?: string | null,"id"?: string,"is_public"?: boolean,"owner_id"?: string,"title": string,"updated_at"?: string
                  }
                  Update: {
                    "created_at"?: string,"description"?: string | null,"id"?: string,"is_public"?: boolean,"owner_id"?: string,"title"?: string,"updated_at"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "magazines_owner_id_fkey"
      columns: ["owner_id"]
isOneToOne: false
      referencedRelation: "profile_stats"
      referencedColumns: ["profile_id"]
    },{
      foreignKeyName: "magazines_owner_id_fkey"
      columns: ["owner_id"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    }
                  ]
                },"notification_preferences": {
                  Row: {
                    "comments": boolean,"follows": boolean,"likes": boolean,"replies": boolean,"updated_at": string,"user_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "comments"?: boolean,"follows"?: boolean,"likes"?: boolean,"replies"?: boolean,"updated_at"?: string,"user_id": string
                  }
                  Update: {
                    "comments"?: boolean,"follows"?: boolean,"likes"?: boolean,"replies"?: boolean,"updated_at"?: string,"user_id"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "notification_preferences_user_id_fkey"
      columns: ["user_id"]
isOneToOne: true
      referencedRelation: "profile_stats"
      referencedColumns: ["profile_id"]
    },{
      foreignKeyName: "notification_preferences_user_id_fkey"
      columns: ["user_id"]
isOneToOne: true
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    }
                  ]
                },"notification_settings": {
                  Row: {
                    "email_enabled": boolean,"email_newsletter": boolean,"email_promotions": boolean,"push_enabled": boolean,"updated_at": string,"user_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "email_enabled"?: boolean,"email_newsletter"?: boolean,"email_promotions"?: boolean,"push_enabled"?: boolean,"updated_at"?: string,"user_id": string
                  }
                  Update: {
                    "email_enabled"?: boolean,"email_newsletter"?: boolean,"email_promotions"?: boolean,"push_enabled"?: boolean,"updated_at"?: string,"user_id"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "notification_settings_user_id_fkey"
      columns: ["user_id"]
isOneToOne: true
      referencedRelation: "profile_stats"
      referencedColumns: ["profile_id"]
    },{
      foreignKeyName: "notification_settings_user_id_fkey"
      columns: ["user_id"]
isOneToOne: true
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    }
                  ]
                },"notifications": {
                  Row: {
                    "actor_id": string | null,"body": string | null,"comment_id": string | null,"created_at": string,"id": string,"prompt_id": string | null,"read_at": string | null,"type": string,"user_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "actor_id"?: string | null,"body"?: string | null,"comment_id"?: string | null,"created_at"?: string,"id"?: string,"prompt_id"?: string | null,"read_at"?: string | null,"type": string,"user_id": string
                  }
                  Update: {
                    "actor_id"?: string | null,"body"?: string | null,"comment_id"?: string | null,"created_at"?: string,"id"?: string,"prompt_id"?: string | null,"read_at"?: string | null,"type"?: string,"user_id"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "notifications_actor_id_fkey"
      columns: ["actor_id"]
isOneToOne: false
      referencedRelation: "profile_stats"
      referencedColumns: ["profile_id"]
    },{
      foreignKeyName: "notifications_actor_id_fkey"
      columns: ["actor_id"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "notifications_comment_id_fkey"
      columns: ["comment_id"]
isOneToOne: false
      referencedRelation: "comments"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "notifications_prompt_id_fkey"
      columns: ["prompt_id"]
isOneToOne: false
      referencedRelation: "prompt_stats"
      referencedColumns: ["prompt_id"]
    },{
      foreignKeyName: "notifications_prompt_id_fkey"
      columns: ["prompt_id"]
isOneToOne: false
      referencedRelation: "prompts"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "notifications_user_id_fkey"
      columns: ["user_id"]
isOneToOne: false
      referencedRelation: "profile_stats"
      referencedColumns: ["profile_id"]
    },{
      foreignKeyName: "notifications_user_id_fkey"
      columns: ["user_id"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    }
                  ]
                },"payment_methods": {
                  Row: {
                    "brand": string | null,"created_at": string,"exp_month": number | null,"exp_year": number | null,"id": string,"is_default": boolean,"last4": string | null,"stripe_payment_method_id": string,"user_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "brand"?: string | null,"created_at"?: string,"exp_month"?: number | null,"exp_year"?: number | null,"id"?: string,"is_default"?: boolean,"last4"?: string | null,"stripe_payment_method_id": string,"user_id": string
                  }
                  Update: {
                    "brand"?: string | null,"created_at"?: string,"exp_month"?: number | null,"exp_year"?: number | null,"id"?: string,"is_default"?: boolean,"last4"?: string | null,"stripe_payment_method_id"?: string,"user_id"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "payment_methods_user_id_fkey"
      columns: ["user_id"]
isOneToOne: false
      referencedRelation: "profile_stats"
      referencedColumns: ["profile_id"]
    },{
      foreignKeyName: "payment_methods_user_id_fkey"
      columns: ["user_id"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    }
                  ]
                },"payments": {
                  Row: {
                    "amount": number,"created_at": string,"currency": string,"id": string,"intent_id": string | null,"kind": string,"status": string,"updated_at": string,"user_id": string | null
                  }
                  ComputedFields: never
                  Insert: {
                    "amount": number,"created_at"?: string,"currency"?: string,"id"?: string,"intent_id"?: string | null,"kind"?: string,"status"?: string,"updated_at"?: string,"user_id"?: string | null
                  }
                  Update: {
                    "amount"?: number,"created_at"?: string,"currency"?: string,"id"?: string,"intent_id"?: string | null,"kind"?: string,"status"?: string,"updated_at"?: string,"user_id"?: string | null
                  }
                  Relationships: [
                    {
      foreignKeyName: "payments_user_id_fkey"
      columns: ["user_id"]
isOneToOne: false
      referencedRelation: "profile_stats"
      referencedColumns: ["profile_id"]
    },{
      foreignKeyName: "payments_user_id_fkey"
      columns: ["user_id"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    }
                  ]
                },"payout_accounts": {
                  Row: {
                    "charges_enabled": boolean,"country": string,"created_at": string,"details_submitted": boolean,"id": string,"payouts_enabled": boolean,"status": string,"stripe_account_id": string,"updated_at": string,"user_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "charges_enabled"?: boolean,"country"?: string,"created_at"?: string,"details_submitted"?: boolean,"id"?: string,"payouts_enabled"?: boolean,"status"?: string,"stripe_account_id": string,"updated_at"?: string,"user_id": string
                  }
                  Update: {
                    "charges_enabled"?: boolean,"country"?: string,"created_at"?: string,"details_submitted"?: boolean,"id"?: string,"payouts_enabled"?: boolean,"status"?: string,"stripe_account_id"?: string,"updated_at"?: string,"user_id"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "payout_accounts_user_id_fkey"
      columns: ["user_id"]
isOneToOne: true
      referencedRelation: "profile_stats"
      referencedColumns: ["profile_id"]
    },{
      foreignKeyName: "payout_accounts_user_id_fkey"
      columns: ["user_id"]
isOneToOne: true
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    }
                  ]
                },"payouts": {
                  Row: {
                    "amount": number,"arrival_date": string | null,"created_at": string,"currency": string,"id": string,"payout_account_id": string | null,"period_end": string | null,"period_start": string | null,"status": string,"stripe_payout_id": string | null,"updated_at": string,"user_id": string | null
                  }
                  ComputedFields: never
                  Insert: {
                    "amount": number,"arrival_date"?: string | null,"created_at"?: string,"currency"?: string,"id"?: string,"payout_account_id"?: string | null,"period_end"?: string | null,"period_start"?: string | null,"status"?: string,"stripe_payout_id"?: string | null,"updated_at"?: string,"user_id"?: string | null
                  }
                  Update: {
                    "amount"?: number,"arrival_date"?: string | null,"created_at"?: string,"currency"?: string,"id"?: string,"payout_account_id"?: string | null,"period_end"?: string | null,"period_start"?: string | null,"status"?: string,"stripe_payout_id"?: string | null,"updated_at"?: string,"user_id"?: string | null
                  }
                  Relationships: [
                    {
      foreignKeyName: "payouts_payout_account_id_fkey"
      columns: ["payout_account_id"]
isOneToOne: false
      referencedRelation: "payout_accounts"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "payouts_user_id_fkey"
      columns: ["user_id"]
isOneToOne: false
      referencedRelation: "profile_stats"
      referencedColumns: ["profile_id"]
    },{
      foreignKeyName: "payouts_user_id_fkey"
      columns: ["user_id"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    }
                  ]
                },"price_tiers": {
                  Row: {
                    "amount": number,"created_at": string,"description": string | null,"id": string,"is_active": boolean,"name": string,"sort_order": number,"stripe_price_id": string | null,"updated_at": string
                  }
                  ComputedFields: never
                  Insert: {
                    "amount": number,"created_at"?: string,"description"?: string | null,"id"?: string,"is_active"?: boolean,"name": string,"sort_order"?: number,"stripe_price_id"?: string | null,"updated_at"?: string
                  }
                  Update: {
                    "amount"?: number,"created_at"?: string,"description"?: string | null,"id"?: string,"is_active"?: boolean,"name"?: string,"sort_order"?: number,"stripe_price_id"?: string | null,"updated_at"?: string
                  }
                  Relationships: [
                    
                  ]
                },"profiles": {
                  Row: {
                    "avatar_url": string | null,"banner_url": string | null,"bio": string | null,"created_at": string,"display_name": string | null,"email": string | null,"follower_count": number,"following_count": number,"github": string | null,"id": string,"is_business": boolean,"is_premium": boolean,"location": string | null,"premium_until": string | null,"status": string,"stripe_account_id": string | null,"updated_at": string,"username": string,"website": string | null
                  }
                  ComputedFields: never
                  Insert: {
                    "avatar_url"?: string | null,"banner_url"?: string | null,"bio"?: string | null,"created_at"?: string,"display_name"?: string | null,"email"?: string | null,"follower_count"?: number,"following_count"?: number,"github"?: string | null,"id": string,"is_business"?: boolean,"is_premium"?: boolean,"location"?: string | null,"premium_until"?: string | null,"status"?: string,"stripe_account_id"?: string | null,"updated_at"?: string,"username": string,"website"?: string | null
                  }
                  Update: {
                    "avatar_url"?: string | null,"banner_url"?: string | null,"bio"?: string | null,"created_at"?: string,"display_name"?: string | null,"email"?: string | null,"follower_count"?: number,"following_count"?: number,"github"?: string | null,"id"?: string,"is_business"?: boolean,"is_premium"?: boolean,"location"?: string | null,"premium_until"?: string | null,"status"?: string,"stripe_account_id"?: string | null,"updated_at"?: string,"username"?: string,"website"?: string | null
                  }
                  Relationships: [
                    
                  ]
                },"prompt_executions": {
                  Row: {
                    "created_at": string,"duration_ms": number | null,"id": string,"input": string | null,"model": string | null,"output": string | null,"prompt_id": string,"status": string,"tokens_used": number | null,"user_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "created_at"?: string,"duration_ms"?: number | null,"id"?: string,"input"?: string | null,"model"?: string | null,"output"?: string | null,"prompt_id": string,"status"?: string,"tokens_used"?: number | null,"user_id"?: string
                  }
                  Update: {
                    "created_at"?: string,"duration_ms"?: number | null,"id"?: string,"input"?: string | null,"model"?: string | null,"output"?: string | null,"prompt_id"?: string,"status"?: string,"tokens_used"?: number | null,"user_id"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "prompt_executions_prompt_id_fkey"
      columns: ["prompt_id"]
isOneToOne: false
      referencedRelation: "prompt_stats"
      referencedColumns: ["prompt_id"]
    },{
      foreignKeyName: "prompt_executions_prompt_id_fkey"
      columns: ["prompt_id"]
isOneToOne: false
      referencedRelation: "prompts"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "prompt_executions_user_id_fkey"
      columns: ["user_id"]
isOneToOne: false
      referencedRelation: "profile_stats"
      referencedColumns: ["profile_id"]
    },{
      foreignKeyName: "prompt_executions_user_id_fkey"
      columns: ["user_id"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    }
                  ]
                },"prompt_tags": {
                  Row: {
                    "created_at": string,"prompt_id": string,"tag_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "created_at"?: string,"prompt_id": string,"tag_id": string
                  }
                  Update: {
                    "created_at"?: string,"prompt_id"?: string,"tag_id"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "prompt_tags_prompt_id_fkey"
      columns: ["prompt_id"]
isOneToOne: false
      referencedRelation: "prompt_stats"
      referencedColumns: ["prompt_id"]
    },{
      foreignKeyName: "prompt_tags_prompt_id_fkey"
      columns: ["prompt_id"]
isOneToOne: false
      referencedRelation: "prompts"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "prompt_tags_tag_id_fkey"
      columns: ["tag_id"]
isOneToOne: false
      referencedRelation: "tags"
      referencedColumns: ["id"]
    }
                  ]
                },"prompts": {
                  Row: {
                    "ai_model": string | null,"author_id": string,"bookmark_count": number,"category_id": string | null,"comment_count": number,"content": string,"content_preview": string,"created_at": string,"currency": string,"deleted_at": string | null,"description": string | null,"hidden_at": string | null,"hidden_reason": string | null,"id": string,"is_featured": boolean,"is_free": boolean,"is_premium": boolean,"like_count": number,"media_type": string,"preview_lines": number,"price": number,"prompt_content": string | null,"prompt_title": string | null,"published": boolean,"published_at": string | null,"search_text": string,"site_url": string | null,"stripe_error": string | null,"stripe_price_id": string | null,"stripe_product_id": string | null,"tag_names": (string)[],"thumbnail_url": string | null,"title": string,"trending_score": number,"updated_at": string,"view_count": number
                  }
                  ComputedFields: never
                  Insert: {
                    "ai_model"?: string | null,"author_id"?: string,"bookmark_count"?: number,"category_id"?: string | null,"comment_count"?: number,"content": string,"content_preview"?: string,"created_at"?: string,"currency"?: string,"deleted_at"?: string | null,"description"?: string | null,"hidden_at"?: string | null,"hidden_reason"?: string | null,"id"?: string,"is_featured"?: boolean,"is_free"?: boolean,"is_premium"?: boolean,"like_count"?: number,"media_type"?: string,"preview_lines"?: number,"price"?: number,"prompt_content"?: string | null,"prompt_title"?: string | null,"published"?: boolean,"published_at"?: string | null,"search_text"?: string,"site_url"?: string | null,"stripe_error"?: string | null,"stripe_price_id"?: string | null,"stripe_product_id"?: string | null,"tag_names"?: (string)[],"thumbnail_url"?: string | null,"title": string,"trending_score"?: number,"updated_at"?: string,"view_count"?: number
                  }
                  Update: {
                    "ai_model"?: string | null,"author_id"?: string,"bookmark_count"?: number,"category_id"?: string | null,"comment_count"?: number,"content"?: string,"content_preview"?: string,"created_at"?: string,"currency"?: string,"deleted_at"?: string | null,"description"?: string | null,"hidden_at"?: string | null,"hidden_reason"?: string | null,"id"?: string,"is_featured"?: boolean,"is_free"?: boolean,"is_premium"?: boolean,"like_count"?: number,"media_type"?: string,"preview_lines"?: number,"price"?: number,"prompt_content"?: string | null,"prompt_title"?: string | null,"published"?: boolean,"published_at"?: string | null,"search_text"?: string,"site_url"?: string | null,"stripe_error"?: string | null,"stripe_price_id"?: string | null,"stripe_product_id"?: string | null,"tag_names"?: (string)[],"thumbnail_url"?: string | null,"title"?: string,"trending_score"?: number,"updated_at"?: string,"view_count"?: number
                  }
                  Relationships: [
                    {
      foreignKeyName: "prompts_author_id_fkey"
      columns: ["author_id"]
isOneToOne: false
      referencedRelation: "profile_stats"
      referencedColumns: ["profile_id"]
    },{
      foreignKeyName: "prompts_author_id_fkey"
      columns: ["author_id"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "prompts_category_id_fkey"
      columns: ["category_id"]
isOneToOne: false
      referencedRelation: "categories"
      referencedColumns: ["id"]
    }
                  ]
                },"purchases": {
                  Row: {
                    "amount": number,"completed_at": string | null,"created_at": string,"currency": string,"id": string,"payment_id": string | null,"prompt_id": string | null,"seller_id": string | null,"status": string,"updated_at": string,"user_id": string | null
                  }
                  ComputedFields: never
                  Insert: {
                    "amount": number,"completed_at"?: string | null,"created_at"?: string,"currency"?: string,"id"?: string,"payment_id"?: string | null,"prompt_id"?: string | null,"seller_id"?: string | null,"status"?: string,"updated_at"?: string,"user_id"?: string | null
                  }
                  Update: {
                    "amount"?: number,"completed_at"?: string | null,"created_at"?: string,"currency"?: string,"id"?: string,"payment_id"?: string | null,"prompt_id"?: string | null,"seller_id"?: string | null,"status"?: string,"updated_at"?: string,"user_id"?: string | null
                  }
                  Relationships: [
                    {
      foreignKeyName: "purchases_payment_id_fkey"
      columns: ["payment_id"]
isOneToOne: false
      referencedRelation: "payments"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "purchases_prompt_id_fkey"
      columns: ["prompt_id"]
isOneToOne: false
      referencedRelation: "prompt_stats"
      referencedColumns: ["prompt_id"]
    },{
      foreignKeyName: "purchases_prompt_id_fkey"
      columns: ["prompt_id"]
isOneToOne: false
      referencedRelation: "prompts"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "purchases_seller_id_fkey"
      columns: ["seller_id"]
isOneToOne: false
      referencedRelation: "profile_stats"
      referencedColumns: ["profile_id"]
    },{
      foreignKeyName: "purchases_seller_id_fkey"
      columns: ["seller_id"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "purchases_user_id_fkey"
      columns: ["user_id"]
isOneToOne: false
      referencedRelation: "profile_stats"
      referencedColumns: ["profile_id"]
    },{
      foreignKeyName: "purchases_user_id_fkey"
      columns: ["user_id"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    }
                  ]
                },"recently_viewed_prompts": {
                  Row: {
                    "prompt_id": string,"user_id": string,"viewed_at": string
                  }
                  ComputedFields: never
                  Insert: {
                    "prompt_id": string,"user_id": string,"viewed_at"?: string
                  }
                  Update: {
                    "prompt_id"?: string,"user_id"?: string,"viewed_at"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "recently_viewed_prompts_prompt_id_fkey"
      columns: ["prompt_id"]
isOneToOne: false
      referencedRelation: "prompt_stats"
      referencedColumns: ["prompt_id"]
    },{
      foreignKeyName: "recently_viewed_prompts_prompt_id_fkey"
      columns: ["prompt_id"]
isOneToOne: false
      referencedRelation: "prompts"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "recently_viewed_prompts_user_id_fkey"
      columns: ["user_id"]
isOneToOne: false
      referencedRelation: "profile_stats"
      referencedColumns: ["profile_id"]
    },{
      foreignKeyName: "recently_viewed_prompts_user_id_fkey"
      columns: ["user_id"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    }
                  ]
                },"reports": {
                  Row: {
                    "action": string | null,"created_at": string,"details": string | null,"id": string,"prompt_id": string,"reason": string,"reporter_id": string,"resolution_note": string | null,"reviewed_at": string | null,"reviewed_by": string | null,"status": string,"target_id": string,"target_type": string,"updated_at": string
                  }
                  ComputedFields: never
                  Insert: {
                    "action"?: string | null,"created_at"?: string,"details"?: string | null,"id"?: string,"prompt_id": string,"reason": string,"reporter_id"?: string,"resolution_note"?: string | null,"reviewed_at"?: string | null,"reviewed_by"?: string | null,"status"?: string,"target_id": string,"target_type": string,"updated_at"?: string
                  }
                  Update: {
                    "action"?: string | null,"created_at"?: string,"details"?: string | null,"id"?: string,"prompt_id"?: string,"reason"?: string,"reporter_id"?: string,"resolution_note"?: string | null,"reviewed_at"?: string | null,"reviewed_by"?: string | null,"status"?: string,"target_id"?: string,"target_type"?: string,"updated_at"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "reports_prompt_id_fkey"
      columns: ["prompt_id"]
isOneToOne: false
      referencedRelation: "prompt_stats"
      referencedColumns: ["prompt_id"]
    },{
      foreignKeyName: "reports_prompt_id_fkey"
      columns: ["prompt_id"]
isOneToOne: false
      referencedRelation: "prompts"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "reports_reporter_id_fkey"
      columns: ["reporter_id"]
isOneToOne: false
      referencedRelation: "profile_stats"
      referencedColumns: ["profile_id"]
    },{
      foreignKeyName: "reports_reporter_id_fkey"
      columns: ["reporter_id"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "reports_reviewed_by_fkey"
      columns: ["reviewed_by"]
isOneToOne: false
      referencedRelation: "profile_stats"
      referencedColumns: ["profile_id"]
    },{
      foreignKeyName: "reports_reviewed_by_fkey"
      columns: ["reviewed_by"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    }
                  ]
                },"subscriptions": {
                  Row: {
                    "cancel_at_period_end": boolean,"canceled_at": string | null,"created_at": string,"current_period_end": string | null,"current_period_start": string | null,"id": string,"plan": string,"status": string,"stripe_customer_id": string | null,"stripe_subscription_id": string | null,"updated_at": string,"user_id": string | null
                  }
                  ComputedFields: never
                  Insert: {
                    "cancel_at_period_end"?: boolean,"canceled_at"?: string | null,"created_at"?: string,"current_period_end"?: string | null,"current_period_start"?: string | null,"id"?: string,"plan"?: string,"status": string,"stripe_customer_id"?: string | null,"stripe_subscription_id"?: string | null,"updated_at"?: string,"user_id"?: string | null
                  }
                  Update: {
                    "cancel_at_period_end"?: boolean,"canceled_at"?: string | null,"created_at"?: string,"current_period_end"?: string | null,"current_period_start"?: string | null,"id"?: string,"plan"?: string,"status"?: string,"stripe_customer_id"?: string | null,"stripe_subscription_id"?: string | null,"updated_at"?: string,"user_id"?: string | null
                  }
                  Relationships: [
                    {
      foreignKeyName: "subscriptions_user_id_fkey"
      columns: ["user_id"]
isOneToOne: false
      referencedRelation: "profile_stats"
      referencedColumns: ["profile_id"]
    },{
      foreignKeyName: "subscriptions_user_id_fkey"
      columns: ["user_id"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    }
                  ]
                },"tags": {
                  Row: {
                    "created_at": string,"id": string,"name": string
                  }
                  ComputedFields: never
                  Insert: {
                    "created_at"?: string,"id"?: string,"name": string
                  }
                  Update: {
                    "created_at"?: string,"id"?: string,"name"?: string
                  }
                  Relationships: [
                    
                  ]
                },"user_badges": {
                  Row: {
                    "awarded_at": string,"awarded_by": string | null,"badge_id": string,"id": string,"reason": string | null,"user_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "awarded_at"?: string,"awarded_by"?: string | null,"badge_id": string,"id"?: string,"reason"?: string | null,"user_id": string
                  }
                  Update: {
                    "awarded_at"?: string,"awarded_by"?: string | null,"badge_id"?: string,"id"?: string,"reason"?: string | null,"user_id"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "user_badges_awarded_by_fkey"
      columns: ["awarded_by"]
isOneToOne: false
      referencedRelation: "profile_stats"
      referencedColumns: ["profile_id"]
    },{
      foreignKeyName: "user_badges_awarded_by_fkey"
      columns: ["awarded_by"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "user_badges_badge_id_fkey"
      columns: ["badge_id"]
isOneToOne: false
      referencedRelation: "badges"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "user_badges_user_id_fkey"
      columns: ["user_id"]
isOneToOne: false
      referencedRelation: "profile_stats"
      referencedColumns: ["profile_id"]
    },{
      foreignKeyName: "user_badges_user_id_fkey"
      columns: ["user_id"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    }
                  ]
                },"user_settings": {
                  Row: {
                    "account_settings": NonNullable<Json>,"comment_settings": NonNullable<Json>,"notification_settings": NonNullable<Json>,"reaction_settings": NonNullable<Json>,"updated_at": string,"user_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "account_settings"?: NonNullable<Json>,"comment_settings"?: NonNullable<Json>,"notification_settings"?: NonNullable<Json>,"reaction_settings"?: NonNullable<Json>,"updated_at"?: string,"user_id": string
                  }
                  Update: {
                    "account_settings"?: NonNullable<Json>,"comment_settings"?: NonNullable<Json>,"notification_settings"?: NonNullable<Json>,"reaction_settings"?: NonNullable<Json>,"updated_at"?: string,"user_id"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "user_settings_user_id_fkey"
      columns: ["user_id"]
isOneToOne: true
      referencedRelation: "profile_stats"
      referencedColumns: ["profile_id"]
    },{
      foreignKeyName: "user_settings_user_id_fkey"
      columns: ["user_id"]
isOneToOne: true
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    }
                  ]
                }
          }
          Views: {
            "profile_stats": {
                  Row: {
                    "follower_count": number | null,"following_count": number | null,"profile_id": string,"prompt_count": number | null
                  }
                  ComputedFields: never
                  Relationships: [
                    
                  ]
                },"prompt_stats": {
                  Row: {
                    "bookmark_count": number | null,"comment_count": number | null,"like_count": number | null,"prompt_id": string,"view_count": number | null
                  }
                  ComputedFields: never
                  Relationships: [
                    
                  ]
                }
          }
          Functions: {
            "bookmark_prompt":
{ Args: { "p_prompt_id": string }; Returns: Json
                           },
"delete_prompt":
{ Args: { "p_prompt_id": string }; Returns: undefined
                           },
"follow_user":
{ Args: { "p_user_id": string }; Returns: Json
                           },
"following_feed":
{ Args: { "p_cursor"?: string,"p_limit"?: number }; Returns: Database["prompty"]['CompositeTypes']["prompt_card"][]
                          SetofOptions: {
        from: "*"
        to: "prompt_card"
        isOneToOne: false
        isSetofReturn: true
      } },
"get_author_labels":
{ Args: { "p_user_ids": (string)[] }; Returns: {
              "avatar_url": string,"display_name": string,"id": string,"username": string
            }[]
                           },
"get_creator":
{ Args: { "p_username": string }; Returns: Json
                           },
"get_my_account":
{ Args: Record<PropertyKey, never>; Returns: Json
                           },
"get_prompt":
{ Args: { "p_prompt_id": string }; Returns: {
              "ai_model": string,"author_avatar_url": string,"author_display_name": string,"author_id": string,"author_username": string,"bookmark_count": number,"bookmarked": boolean,"category_id": string,"comment_count": number,"content": string,"created_at": string,"currency": string,"description": string,"id": string,"is_featured": boolean,"is_free": boolean,"is_premium": boolean,"is_unlocked": boolean,"like_count": number,"liked": boolean,"media_type": string,"preview_lines": number,"price": number,"prompt_content": string,"prompt_title": string,"published": boolean,"published_at": string,"site_url": string,"tag_names": (string)[],"thumbnail_url": string,"title": string,"updated_at": string,"view_count": number
            }[]
                           },
"like_prompt":
{ Args: { "p_prompt_id": string }; Returns: Json
                           },
"mark_announcement_read":
{ Args: { "p_announcement_id": string }; Returns: Json
                           },
"mark_notifications_read":
{ Args: { "p_ids"?: (string)[] }; Returns: number
                           },
"moderate_comment":
{ Args: { "p_comment_id": string,"p_hidden": boolean,"p_reason"?: string }; Returns: Json
                           },
"moderate_prompt":
{ Args: { "p_hidden": boolean,"p_prompt_id": string,"p_reason"?: string }; Returns: Json
                           },
"publish_draft":
{ Args: { "p_client_request_id": string,"p_draft_id": string }; Returns: Json
                           },
"record_prompt_view":
{ Args: { "p_prompt_id": string,"p_visitor_id"?: string }; Returns: Json
                           },
"resolve_report":
{ Args: { "p_action": string,"p_note"?: string,"p_report_id": string }; Returns: Json
                           },
"search_prompts":
{ Args: { "p_ai_model"?: string,"p_author_id"?: string,"p_category_id"?: string,"p_cursor"?: string,"p_is_free"?: boolean,"p_limit"?: number,"p_max_price"?: number,"p_media_type"?: string,"p_min_price"?: number,"p_query"?: string,"p_sort"?: string,"p_tags"?: (string)[] }; Returns: Database["prompty"]['CompositeTypes']["prompt_card"][]
                          SetofOptions: {
        from: "*"
        to: "prompt_card"
        isOneToOne: false
        isSetofReturn: true
      } },
"set_prompt_featured":
{ Args: { "p_featured": boolean,"p_prompt_id": string }; Returns: Json
                           },
"set_prompt_tags":
{ Args: { "p_prompt_id": string,"p_tags": (string)[] }; Returns: (string)[]
                           },
"set_user_status":
{ Args: { "p_status": string,"p_user_id": string }; Returns: Json
                           },
"unbookmark_prompt":
{ Args: { "p_prompt_id": string }; Returns: Json
                           },
"unfollow_user":
{ Args: { "p_user_id": string }; Returns: Json
                           },
"unlike_prompt":
{ Args: { "p_prompt_id": string }; Returns: Json
                           }
          }
          Enums: {
            [_ in never]: never
          }
          CompositeTypes: {
            "prompt_card": {
                        "id": string | null,"author_id": string | null,"author_username": string | null,"author_display_name": string | null,"author_avatar_url": string | null,"title": string | null,"description": string | null,"content_preview": string | null,"thumbnail_url": string | null,"category_id": string | null,"price": number | null,"is_free": boolean | null,"is_premium": boolean | null,"is_featured": boolean | null,"ai_model": string | null,"media_type": string | null,"tag_names": (string)[] | null,"published_at": string | null,"like_count": number | null,"comment_count": number | null,"bookmark_count": number | null,"view_count": number | null,"cursor": string | null
                      }
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
